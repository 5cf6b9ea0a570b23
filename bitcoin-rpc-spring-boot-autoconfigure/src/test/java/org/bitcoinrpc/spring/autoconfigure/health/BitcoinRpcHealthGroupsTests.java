package org.bitcoinrpc.spring.autoconfigure.health;

import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties README gives put {@code bitcoinRpc} in the readiness group and leave it out of
 * liveness: a node that cannot be reached takes the instance out of the load balancer, but does
 * not get it restarted (a restart would not bring the node back).
 */
class BitcoinRpcHealthGroupsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class,
				BitcoinRpcHealthContributorAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class))
		// Nothing listens on port 1: the client cannot connect, so bitcoinRpc is DOWN.
		.withPropertyValues("bitcoin.rpc.url=ws://127.0.0.1:1/ws", "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
				// As in README.
				"management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.group.readiness.include=readinessState,bitcoinRpc");

	@Test
	void bitcoinRpcIsInReadinessNotLiveness() {
		this.runner.run((context) -> {
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.get("readiness").isMember("bitcoinRpc")).isTrue();
			assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
			assertThat(groups.get("liveness").isMember("bitcoinRpc")).isFalse();
			assertThat(groups.get("liveness").isMember("livenessState")).isTrue();

			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			HealthEndpoint health = context.getBean(HealthEndpoint.class);
			assertThat(health.healthForPath("readiness").getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void theIndicatorsNameIsBitcoinRpc() {
		// Boot checks that every name a group includes exists (validate-group-membership is on by
		// default): a misspelt name fails the start.
		this.runner.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState,bitcoinrpcs")
			.run((context) -> assertThat(context).hasFailed());
	}

}
