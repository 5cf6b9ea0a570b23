package org.bitcoinrpc.sample.demo;

import org.bitcoinrpc.test.internal.server.WebSocketRpcEndpoint;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The one thing the demo node binds by reflection: Jetty finds the {@code onWebSocket*} methods
 * of the simulated node's websocket endpoint by name ({@code ReflectUtils.findMethod}) and calls
 * them through method handles. Only the demo needs it: the client itself runs on Netty, and the
 * simulated node is otherwise a test dependency.
 */
class DemoNodeRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection()
			.registerType(WebSocketRpcEndpoint.class, MemberCategory.INVOKE_PUBLIC_METHODS)
			.registerType(Session.Listener.class, MemberCategory.INVOKE_PUBLIC_METHODS)
			.registerType(Session.Listener.AutoDemanding.class, MemberCategory.INVOKE_PUBLIC_METHODS);
	}

}
