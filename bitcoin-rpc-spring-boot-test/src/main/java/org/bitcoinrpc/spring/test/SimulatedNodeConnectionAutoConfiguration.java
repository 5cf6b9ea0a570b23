package org.bitcoinrpc.spring.test;

import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for
 * {@link SimulatedNodeConnection @SimulatedNodeConnection} node beans: their connection details,
 * through the {@code ConnectionDetailsFactory} instances of {@code META-INF/spring.factories},
 * registered before {@link BitcoinRpcAutoConfiguration} looks for connection details. The same
 * shape as Spring Boot's {@code ServiceConnectionAutoConfiguration} (spring-boot-testcontainers).
 */
@AutoConfiguration(before = BitcoinRpcAutoConfiguration.class)
@AutoConfigureOrder(Ordered.HIGHEST_PRECEDENCE + 10)
@Import(SimulatedNodeConnectionRegistrar.class)
public final class SimulatedNodeConnectionAutoConfiguration {

}
