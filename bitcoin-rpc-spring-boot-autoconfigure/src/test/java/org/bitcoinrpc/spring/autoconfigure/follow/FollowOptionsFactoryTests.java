package org.bitcoinrpc.spring.autoconfigure.follow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.client.follow.FailurePolicy;
import org.bitcoinrpc.client.follow.StartPoint;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code bitcoin.rpc.follow.*} to the follower's settings: the defaults are the core's, every
 * value maps, and every bad value fails naming its property.
 */
class FollowOptionsFactoryTests {

	private static final String HASH = "00000000000000000001" + "ab".repeat(22);

	@Test
	void defaultsAreTheCoreDefaults() {
		FollowOptionsFactory.Settings settings = FollowOptionsFactory.settings(new BitcoinRpcProperties.Follow());
		assertThat(settings.name()).isEqualTo("default");
		assertThat(settings.startPoint()).isSameAs(StartPoint.tip());
		assertThat(settings.pollInterval()).isNull();
		assertThat(settings.failurePolicy()).isSameAs(FailurePolicy.DEFAULT);
		assertThat(settings.effectivePollInterval(false)).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.effectivePollInterval(true)).isEqualTo(Duration.ofSeconds(30));
		// FailurePolicy.DEFAULT is exponential with jitter from 1 s to 1 min, as the properties say.
		FailurePolicy.Retry retry = (FailurePolicy.Retry) FailurePolicy.DEFAULT;
		BitcoinRpcProperties.Follow.Retry defaults = new BitcoinRpcProperties.Follow.Retry();
		assertThat(retry.delay().delay(1)).isBetween(defaults.getInitialDelay().dividedBy(2), defaults.getInitialDelay());
		assertThat(retry.delay().delay(30)).isBetween(defaults.getMaxDelay().dividedBy(2), defaults.getMaxDelay());
		assertThat(FollowOptionsFactory.cursorStore(new BitcoinRpcProperties.Follow()).getClass())
			.isEqualTo(CursorStore.inMemory().getClass());
	}

	@Test
	void mapsEveryValue() {
		BitcoinRpcProperties.Follow follow = new BitcoinRpcProperties.Follow();
		follow.setName(" payments ");
		follow.setStart("840000");
		follow.setPollInterval(Duration.ofMillis(250));
		follow.setFailurePolicy(BitcoinRpcProperties.Follow.FailurePolicy.RETRY);
		follow.getRetry().setInitialDelay(Duration.ofMillis(100));
		follow.getRetry().setMaxDelay(Duration.ofMillis(800));
		FollowOptionsFactory.Settings settings = FollowOptionsFactory.settings(follow);
		assertThat(settings.name()).isEqualTo("payments");
		assertThat(settings.startPoint()).isEqualTo(StartPoint.height(840000));
		assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(250));
		assertThat(settings.effectivePollInterval(true)).isEqualTo(Duration.ofMillis(250));
		FailurePolicy.Retry retry = (FailurePolicy.Retry) settings.failurePolicy();
		assertThat(retry.delay().delay(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
		assertThat(retry.delay().delay(20)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
		follow.setFailurePolicy(BitcoinRpcProperties.Follow.FailurePolicy.STOP);
		assertThat(FollowOptionsFactory.settings(follow).failurePolicy()).isSameAs(FailurePolicy.stop());
		follow.setFailurePolicy(BitcoinRpcProperties.Follow.FailurePolicy.SKIP);
		assertThat(FollowOptionsFactory.settings(follow).failurePolicy()).isSameAs(FailurePolicy.skip());
		follow.setStore(BitcoinRpcProperties.Follow.Store.FILE);
		follow.setDirectory(Path.of("cursors"));
		assertThat(FollowOptionsFactory.cursorStore(follow).getClass())
			.isEqualTo(CursorStore.files(Path.of("cursors")).getClass());
	}

	@Test
	void startIsTipAHeightOrAHash() {
		assertThat(FollowOptionsFactory.startPoint("tip")).isSameAs(StartPoint.tip());
		assertThat(FollowOptionsFactory.startPoint(" TIP ")).isSameAs(StartPoint.tip());
		assertThat(FollowOptionsFactory.startPoint("1")).isEqualTo(StartPoint.height(1));
		assertThat(FollowOptionsFactory.startPoint(HASH)).isEqualTo(StartPoint.after(HASH));
		assertThat(FollowOptionsFactory.startPoint(HASH.toUpperCase())).isEqualTo(StartPoint.after(HASH));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "latest", "-1", "0", "1.5", "99999999999999999999", "abc", "0x10" })
	void badStartFailsNamingTheProperty(String start) {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> FollowOptionsFactory.startPoint(start))
			.satisfies((ex) -> {
				assertThat(ex.getName()).isEqualTo("bitcoin.rpc.follow.start");
				assertThat(ex.getReason()).containsAnyOf("'tip', a block height", "at least 1");
			});
	}

	@Test
	void badValuesFailNamingTheProperty() {
		assertInvalid("bitcoin.rpc.follow.start", (follow) -> follow.setStart(HASH.substring(1)));
		assertInvalid("bitcoin.rpc.follow.name", (follow) -> follow.setName(" "));
		assertInvalid("bitcoin.rpc.follow.poll-interval", (follow) -> follow.setPollInterval(Duration.ZERO));
		assertInvalid("bitcoin.rpc.follow.retry.initial-delay",
				(follow) -> follow.getRetry().setInitialDelay(Duration.ofSeconds(-1)));
		assertInvalid("bitcoin.rpc.follow.retry.max-delay", (follow) -> follow.getRetry().setMaxDelay(Duration.ofMillis(10)));
	}

	@Test
	void fileStoreNeedsADirectory() {
		BitcoinRpcProperties.Follow follow = new BitcoinRpcProperties.Follow();
		follow.setStore(BitcoinRpcProperties.Follow.Store.FILE);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> FollowOptionsFactory.cursorStore(follow))
			.satisfies((ex) -> {
				assertThat(ex.getName()).isEqualTo("bitcoin.rpc.follow.directory");
				assertThat(ex.getReason()).contains("bitcoin.rpc.follow.store is file");
			});
	}

	private void assertInvalid(String name, Consumer<BitcoinRpcProperties.Follow> change) {
		BitcoinRpcProperties.Follow follow = new BitcoinRpcProperties.Follow();
		change.accept(follow);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> FollowOptionsFactory.settings(follow))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo(name));
	}

}
