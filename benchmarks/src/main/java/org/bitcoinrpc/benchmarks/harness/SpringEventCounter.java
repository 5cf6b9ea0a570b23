package org.bitcoinrpc.benchmarks.harness;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcClientCustomizer;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcClientLifecycle;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.bitcoinrpc.spring.event.TxAcceptedEvent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A Spring Boot application, as a user would write it, counting notifications in
 * {@code @EventListener} methods: a non-web context with the starter's auto-configuration, which
 * creates the client from {@code bitcoin.rpc.*}, connects it and publishes its events.
 * <p>
 * The client gets the plain-listener client's options: no reconnect and the given notification
 * queue size. The queue size has no property, so a {@link BitcoinRpcClientCustomizer} sets it,
 * as the starter documents for options without one. {@code fail-fast} makes the start wait until
 * the stub answered, so a run never begins before the connection.
 */
final class SpringEventCounter implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final BitcoinRpcClient client;

	private final NotificationRun run;

	SpringEventCounter(String url, int queueSize) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// Command-line arguments, the highest precedence: BITCOIN_RPC_* in the environment cannot redirect the run.
		this.context = application.run("--bitcoin.rpc.url=" + url, "--bitcoin.rpc.reconnect.enabled=false",
				"--bitcoin.rpc.fail-fast=true", "--harness.notification-queue-size=" + queueSize,
				"--spring.main.banner-mode=off", "--spring.main.log-startup-info=false",
				"--spring.main.register-shutdown-hook=false");
		if (this.context.getBeanNamesForType(BitcoinRpcClientLifecycle.class).length == 0) {
			this.context.close();
			throw new IllegalStateException("The bitcoin-rpc auto-configuration did not load: is its line missing from "
					+ "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports?");
		}
		this.client = this.context.getBean(BitcoinRpcClient.class);
		this.run = this.context.getBean(Listener.class).run;
		if (this.client.options().notificationQueueSize() != queueSize) {
			this.context.close();
			throw new IllegalStateException("The customizer did not set the notification queue size");
		}
	}

	/** {delivered, dropped, nanoseconds from the trigger to the last delivery}; see {@link NotificationRun#run}. */
	long[] run(String kind, int count) throws Exception {
		return this.run.run(this.client, kind, count);
	}

	@Override
	public void close() {
		this.context.close();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Listener.class)
	static class Application {

		@Bean
		BitcoinRpcClientCustomizer notificationQueueSize(Environment environment) {
			int size = environment.getRequiredProperty("harness.notification-queue-size", Integer.class);
			return (builder) -> builder.notificationQueueSize(size);
		}

	}

	/** The application's listener; Spring calls it on the client's event thread. */
	@Component
	static class Listener {

		final NotificationRun run = new NotificationRun();

		@EventListener
		void onTransaction(TxAcceptedEvent event) {
			this.run.record();
		}

		@EventListener
		void onBlock(BlockConnectedEvent event) {
			this.run.record();
		}

	}

}
