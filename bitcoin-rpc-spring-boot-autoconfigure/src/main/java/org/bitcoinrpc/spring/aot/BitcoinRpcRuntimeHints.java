package org.bitcoinrpc.spring.aot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.ClassUtils;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What the client binds by reflection, for Spring's AOT processing and GraalVM native images:
 * Jackson reads every result record of {@code org.bitcoinrpc.client.model} through its canonical
 * constructor (or a {@code @JsonCreator} factory, as {@code WalletScan}'s), its fields' and
 * parameters' annotations and its accessors, writes {@code OutPoint} as a call's parameter, and
 * makes the hand-written deserializers the records name with {@code @JsonDeserialize(using = ...)}
 * through their no-argument constructors.
 * <p>
 * Nothing else in the client is reflective: notifications and connection events are built by
 * hand ({@code NotificationDecoder}), the transports are Netty's (whose jars carry their own
 * native-image configuration), and no {@code Class.forName} or method handle is used. The
 * starter's {@code @BlockListener} methods are covered by the annotation itself (it is
 * {@code @Reflective}, as {@code @EventListener} is), and {@code bitcoin.rpc.*} binding by Spring
 * Boot's own processing of {@code @ConfigurationProperties}. Types an application asks for with
 * the generic {@code call(method, params, type)} are the application's to register, for example
 * with {@code @RegisterReflectionForBinding}.
 * <p>
 * Registered through {@code META-INF/spring/aot.factories}, so the hints are there whether the
 * client is auto-configured or built by the application.
 */
public final class BitcoinRpcRuntimeHints implements RuntimeHintsRegistrar {

	/** Where the result model lives: every class in it is bound by Jackson. */
	static final String MODEL_PACKAGE = "org.bitcoinrpc.client.model";

	/**
	 * Every type of the client's result model, found on the class path (nested records too), so
	 * a type added to the model is covered without a list to keep. A test walks the package its
	 * own way and checks each type's hints.
	 * @param classLoader the class loader to search
	 * @return the model's types, sorted by name
	 */
	static List<Class<?>> modelTypes(@Nullable ClassLoader classLoader) {
		String pattern = ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + MODEL_PACKAGE.replace('.', '/') + "/*.class";
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver(classLoader).getResources(pattern);
			List<Class<?>> types = new ArrayList<>();
			for (Resource resource : resources) {
				String file = Objects.requireNonNull(resource.getFilename());
				String simpleName = file.substring(0, file.length() - ".class".length());
				if (simpleName.equals("package-info")) {
					continue;
				}
				types.add(ClassUtils.forName(MODEL_PACKAGE + "." + simpleName, classLoader));
			}
			types.sort(Comparator.comparing(Class::getName));
			return types;
		}
		catch (IOException | ClassNotFoundException ex) {
			throw new IllegalStateException("Cannot list the types of " + MODEL_PACKAGE, ex);
		}
	}

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (Class<?> type : modelTypes(classLoader)) {
			// Public and declared members alike (the categories do not imply each other): the
			// accessors are public, WalletScan's creator is package-private, and Jackson reads the
			// annotations on the records' private fields.
			hints.reflection()
				.registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
						MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.INVOKE_PUBLIC_METHODS,
						MemberCategory.ACCESS_DECLARED_FIELDS);
			MergedAnnotation<JsonDeserialize> deserialize = MergedAnnotations.from(type).get(JsonDeserialize.class);
			if (deserialize.isPresent()) {
				Class<?> using = deserialize.getClass("using");
				hints.reflection().registerType(using, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
			}
		}
	}

}
