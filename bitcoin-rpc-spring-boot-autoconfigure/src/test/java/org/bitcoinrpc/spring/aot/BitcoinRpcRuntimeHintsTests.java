package org.bitcoinrpc.spring.aot;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.model.BlockchainInfo;
import org.bitcoinrpc.client.model.Descriptor;
import org.bitcoinrpc.client.model.OutPoint;
import org.bitcoinrpc.client.model.Psbt;
import org.bitcoinrpc.client.model.RawTransaction;
import org.bitcoinrpc.client.model.TransactionHex;
import org.bitcoinrpc.client.model.WalletScan;
import org.bitcoinrpc.client.model.json.RawTransactionDeserializer;
import org.bitcoinrpc.spring.follow.BlockListener;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;

import com.fasterxml.jackson.annotation.JsonCreator;
import tools.jackson.databind.annotation.JsonDeserialize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints cover what Jackson needs of every type the client binds, found by walking the model
 * package on the class path (so a new record without hints fails here), and they are registered
 * the way Spring's AOT processing finds them.
 */
class BitcoinRpcRuntimeHintsTests {

	private static final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		// As Spring's AOT processing loads them: every RuntimeHintsRegistrar of aot.factories.
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(BitcoinRpcRuntimeHints.class);
		registrars.forEach((registrar) -> registrar.registerHints(hints, BitcoinRpcRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}

	/** Every class of org.bitcoinrpc.client.model (not its sub-packages), from the class path. */
	static List<Class<?>> modelTypes() throws Exception {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
		List<Class<?>> types = new ArrayList<>();
		for (Resource resource : resolver.getResources("classpath*:org/bitcoinrpc/client/model/*.class")) {
			MetadataReader reader = readers.getMetadataReader(resource);
			String name = reader.getClassMetadata().getClassName();
			if (!name.endsWith(".package-info")) {
				types.add(Class.forName(name));
			}
		}
		return types;
	}

	@Test
	void theWalkFindsTheModel() throws Exception {
		// A walk that found nothing would make the test below pass vacuously.
		assertThat(modelTypes()).hasSizeGreaterThan(30).contains(BlockchainInfo.class, RawTransaction.class, OutPoint.class);
	}

	@Test
	void theRegistrarFindsEveryModelType() throws Exception {
		assertThat(BitcoinRpcRuntimeHints.modelTypes(getClass().getClassLoader()))
			.containsExactlyInAnyOrderElementsOf(modelTypes())
			.contains(Psbt.class, Descriptor.class, TransactionHex.class);
	}

	@Test
	void everyModelTypeCanBeBoundByJackson() throws Exception {
		RuntimeHints hints = registered();
		for (Class<?> type : modelTypes()) {
			assertThat(reflection.onType(type).withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
					MemberCategory.ACCESS_DECLARED_FIELDS)).as(type.getName()).accepts(hints);
			if (type.isRecord()) {
				Class<?>[] parameters = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
					.toArray(Class<?>[]::new);
				assertThat(reflection.onConstructorInvocation(type.getDeclaredConstructor(parameters)))
					.as("canonical constructor of %s", type.getName()).accepts(hints);
				for (RecordComponent component : type.getRecordComponents()) {
					assertThat(reflection.onMethodInvocation(component.getAccessor()))
						.as("%s.%s()", type.getName(), component.getName()).accepts(hints);
				}
			}
			for (Method method : type.getDeclaredMethods()) {
				if (method.isAnnotationPresent(JsonCreator.class)) {
					assertThat(reflection.onMethodInvocation(method)).as("creator %s", method).accepts(hints);
				}
			}
			MergedAnnotations annotations = MergedAnnotations.from(type);
			if (annotations.isPresent(JsonDeserialize.class)) {
				Class<?> using = annotations.get(JsonDeserialize.class).getClass("using");
				Constructor<?> constructor = using.getDeclaredConstructor();
				assertThat(reflection.onConstructorInvocation(constructor)).as("deserializer %s", using.getName())
					.accepts(hints);
			}
		}
	}

	@Test
	void representativeTypesAreCovered() throws Exception {
		// Named here too, so that a walk that silently skipped them would not go unnoticed.
		RuntimeHints hints = registered();
		assertThat(reflection.onConstructorInvocation(RawTransactionDeserializer.class.getDeclaredConstructor())).accepts(hints);
		assertThat(reflection.onMethodInvocation(WalletScan.class.getDeclaredMethod("of", Object.class))).accepts(hints);
		assertThat(reflection.onMethodInvocation(OutPoint.class.getMethod("hash"))).accepts(hints);
		assertThat(reflection.onType(BlockchainInfo.class)).accepts(hints);
		// The client builds its events by hand: they need no reflection, and get none.
		assertThat(reflection.onType(Notification.BlockConnected.class)).rejects(hints);
	}

	@Test
	void blockListenerMethodsAreKeptCallable() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		// What Spring's AOT processing does with each bean class: @Reflective members get hints.
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(hints, Payments.class);
		Method method = Payments.class.getDeclaredMethod("on", Notification.BlockConnected.class);
		assertThat(reflection.onMethodInvocation(method)).accepts(hints);
		assertThat(reflection.onMethodInvocation(Payments.class.getDeclaredMethod("notAListener"))).rejects(hints);
		assertThat(Modifier.isPublic(BlockListener.class.getModifiers())).isTrue();
	}

	static class Payments {

		@BlockListener
		void on(Notification.BlockConnected block) {
		}

		void notAListener() {
		}

	}

}
