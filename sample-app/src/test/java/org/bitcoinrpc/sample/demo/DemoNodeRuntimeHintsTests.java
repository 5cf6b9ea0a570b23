package org.bitcoinrpc.sample.demo;

import java.lang.reflect.Method;

import org.bitcoinrpc.test.internal.server.WebSocketRpcEndpoint;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/** Jetty can still find and call the demo node's websocket callbacks in a native image. */
class DemoNodeRuntimeHintsTests {

	@Test
	void everyWebSocketCallbackOfTheEndpointIsCallable() {
		RuntimeHints hints = new RuntimeHints();
		new DemoNodeRuntimeHints().registerHints(hints, getClass().getClassLoader());
		int callbacks = 0;
		for (Method method : WebSocketRpcEndpoint.class.getMethods()) {
			if (method.getName().startsWith("onWebSocket")) {
				callbacks++;
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(method)).as(method.toString())
					.accepts(hints);
			}
		}
		// Text, open, close, error and ping, at least: the endpoint overrides these.
		assertThat(callbacks).isGreaterThanOrEqualTo(5);
	}

}
