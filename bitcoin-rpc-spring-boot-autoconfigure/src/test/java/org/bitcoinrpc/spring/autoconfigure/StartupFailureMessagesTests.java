package org.bitcoinrpc.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqAutoConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.beans.factory.BeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user reads when the start-up fails: the exception chain and the report Spring Boot's
 * failure analyzers print ("APPLICATION FAILED TO START"). A password never shows in either, and
 * a wrong enum value is answered with the values that are valid.
 */
class StartupFailureMessagesTests {

	private static final String WS = "bitcoin.rpc.url=ws://127.0.0.1:1/ws";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcZmqAutoConfiguration.class));

	@ParameterizedTest
	@ValueSource(strings = { "bitcoin.rpc.url=http://alice:secret@127.0.0.1:1/",
			"bitcoin.rpc.url=http://alice:se@cret@127.0.0.1:1/", "bitcoin.rpc.url=http://alice:se#cret@127.0.0.1:1/",
			"bitcoin.rpc.url=http://alice:se/cret@127.0.0.1:1/", "bitcoin.rpc.url=http://alice:se cret@127.0.0.1:1/",
			"bitcoin.rpc.url=http://alice:secret@my_host:1/", "bitcoin.rpc.url=//alice:secret@127.0.0.1:1/",
			"bitcoin.rpc.proxy.host=tor:secret@127.0.0.1",
			"bitcoin.rpc.zmq.hashblock=tcp://alice:secret@127.0.0.1:28332",
			"bitcoin.rpc.zmq.sequence=tcp://alice:se cret@127.0.0.1:28332" })
	void noPasswordInTheFailureNorInItsAnalysis(String property) {
		List<String> properties = new ArrayList<>(List.of(property));
		if (!property.startsWith("bitcoin.rpc.url")) {
			properties.add(WS);
		}
		if (property.startsWith("bitcoin.rpc.proxy")) {
			properties.add("bitcoin.rpc.proxy.port=9050");
		}
		if (property.startsWith("bitcoin.rpc.zmq")) {
			properties.add("bitcoin.rpc.zmq.enabled=true");
		}
		this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				assertThat(cause.toString()).doesNotContain("secret").doesNotContain("cret");
			}
			FailureAnalysis analysis = analyze(failure, properties);
			assertThat(analysis).as("Spring Boot's failure analysis").isNotNull();
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("secret").doesNotContain("cret");
		});
	}

	/** Every enum-valued property under bitcoin.rpc, with its valid values. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "bitcoin.rpc.notifications.transactions=all | none, txid, verbose",
			"bitcoin.rpc.reconnect.policy=fibonacci | linear, exponential",
			"bitcoin.rpc.follow.source=carrier-pigeon | auto, notifications, wait_for_new_block, zmq, poll" })
	void anInvalidEnumValueFailsListingTheValidOnes(String property, String validValues) {
		List<String> properties = List.of(WS, property);
		this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure(), properties);
			assertThat(analysis).as("Spring Boot's failure analysis").isNotNull();
			assertThat(analysis.getDescription()).contains(property.substring(0, property.indexOf('=')));
			assertThat(analysis.getAction()).contains("The following values are valid");
			for (String value : validValues.split(",\\s*")) {
				assertThat(analysis.getAction()).containsIgnoringCase(value);
			}
		});
	}

	/**
	 * Runs Spring Boot's failure analyzers on a start-up failure, as {@code SpringApplication}
	 * does (first analysis wins), with an environment holding the same properties.
	 */
	static FailureAnalysis analyze(Throwable failure, List<String> properties) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (String property : properties) {
			int equals = property.indexOf('=');
			values.put(property.substring(0, equals), property.substring(equals + 1));
		}
		ConfigurableEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", values));
		ConfigurationPropertySources.attach(environment);
		ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
			.and(Environment.class, environment);
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(StartupFailureMessagesTests.class.getClassLoader())
			.load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, ex) -> {
			}));
		return analyzers.stream().map((analyzer) -> analyzer.analyze(failure)).filter(Objects::nonNull).findFirst()
			.orElse(null);
	}

}
