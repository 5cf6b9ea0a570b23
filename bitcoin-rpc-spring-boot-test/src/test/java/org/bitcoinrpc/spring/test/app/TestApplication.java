package org.bitcoinrpc.spring.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of this module's {@code @SpringBootTest}s: the starter's auto-configuration,
 * nothing else. In a package of its own: scanning {@code org.bitcoinrpc.spring.test} would pick up
 * the auto-configurations only {@code @AutoConfigureSimulatedBitcoinNode} imports.
 */
@SpringBootApplication
public class TestApplication {

}
