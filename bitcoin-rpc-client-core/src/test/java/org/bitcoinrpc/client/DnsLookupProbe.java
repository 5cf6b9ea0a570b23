package org.bitcoinrpc.client;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Tells whether this JVM has looked a host name up: every lookup, answered or failed, leaves an
 * entry in {@code InetAddress}'s cache (failures stay for {@code networkaddress.cache.negative.ttl},
 * 10 s by default). Needs {@code --add-opens java.base/java.net=ALL-UNNAMED}, which the build sets
 * for tests, together with a hosts file so that no lookup ever leaves the machine.
 */
final class DnsLookupProbe {

	private DnsLookupProbe() {
	}

	static boolean wasLookedUp(String host) {
		try {
			Field field = java.net.InetAddress.class.getDeclaredField("cache");
			field.setAccessible(true);
			Map<?, ?> cache = (Map<?, ?>) field.get(null);
			return cache.keySet().stream().anyMatch((key) -> String.valueOf(key).equalsIgnoreCase(host));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read InetAddress's cache; is java.net opened to tests?", ex);
		}
	}

}
