package org.bitcoinrpc.client.transport;

/**
 * Short descriptions of low-level failures for our error messages: an engine's exceptions may carry
 * a dump of the whole connection state (Jetty's did), which buries the point.
 */
final class Causes {

	private static final int MAX_MESSAGE = 160;

	private Causes() {
	}

	static String describe(Throwable cause) {
		String message = cause.getMessage();
		String name = cause.getClass().getSimpleName();
		if (message == null || message.isBlank()) {
			return name;
		}
		int dump = message.indexOf("::");
		if (dump > 0) {
			message = message.substring(0, dump);
		}
		if (message.length() > MAX_MESSAGE) {
			message = message.substring(0, MAX_MESSAGE) + "...";
		}
		return name + ": " + message;
	}

}
