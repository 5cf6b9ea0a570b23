package org.bitcoinrpc.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A Bitcoin-aware Spring Boot service: logs blocks and transactions as they arrive, reports the
 * node's health, and answers {@code GET /chain/tip}. Without {@code bitcoin.rpc.url} it runs
 * against a built-in simulated node ({@link org.bitcoinrpc.sample.demo.DemoNodeConfiguration}).
 */
@SpringBootApplication
@EnableScheduling
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
