package org.bitcoinrpc.spring.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of this module's {@code @SpringBootTest}s: the starter's auto-configuration, nothing else. */
@SpringBootApplication
class TestApplication {

}
