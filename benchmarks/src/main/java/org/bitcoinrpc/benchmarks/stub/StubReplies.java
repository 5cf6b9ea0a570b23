package org.bitcoinrpc.benchmarks.stub;

/**
 * What the stub servers say, built without any JSON library: the id is cut out of the request
 * text by a scan for {@code "id":}, and the reply is the fixed
 * {@code {"jsonrpc":"1.0","result":123,"error":null,"id":<id>}}.
 */
public final class StubReplies {

	/** The method that makes the websocket stub push notifications: params {@code [count, "tx"|"block"]}. */
	public static final String NOTIFY_METHOD = "stub.notify";

	private static final String PREFIX = "{\"jsonrpc\":\"1.0\",\"result\":123,\"error\":null,\"id\":";

	/** A txaccepted notification as btcd sends it (txid, amount in BTC). */
	public static final String TX_ACCEPTED = "{\"jsonrpc\":\"1.0\",\"method\":\"txaccepted\",\"params\":"
			+ "[\"a7b6199a333ece6469b665225dafd541d59256e12ca1df819d0bc370a7d4bec1\",0.00123456],\"id\":null}";

	/** A blockconnected notification as btcd sends it (hash, height, time). */
	public static final String BLOCK_CONNECTED = "{\"jsonrpc\":\"1.0\",\"method\":\"blockconnected\",\"params\":"
			+ "[\"4d2af2dca5ffa4b59662a568f8b67020f959fde5ec991bdc6d7c78894b1bf61b\",121,1700000000],\"id\":null}";

	private StubReplies() {
	}

	/** The id's literal in {@code request} (digits, or {@code null}), or "null" when there is none. */
	public static String idOf(CharSequence request) {
		int n = request.length();
		for (int i = 0; i + 5 <= n; i++) {
			if (request.charAt(i) == '"' && request.charAt(i + 1) == 'i' && request.charAt(i + 2) == 'd'
					&& request.charAt(i + 3) == '"') {
				int j = i + 4;
				while (j < n && (request.charAt(j) == ':' || request.charAt(j) == ' ')) {
					j++;
				}
				int start = j;
				while (j < n && request.charAt(j) != ',' && request.charAt(j) != '}' && request.charAt(j) != ' ') {
					j++;
				}
				return (j > start) ? request.subSequence(start, j).toString() : "null";
			}
		}
		return "null";
	}

	/** The reply to a request with this id literal. */
	public static String reply(String id) {
		return new StringBuilder(PREFIX.length() + id.length() + 1).append(PREFIX).append(id).append('}').toString();
	}

	/** Whether the request is the notification trigger. */
	public static boolean isNotify(String request) {
		return request.contains(NOTIFY_METHOD);
	}

	/** {@code [count, kind]} of a trigger request: {@code count} notifications of kind "tx" or "block". */
	public static long notifyCount(String request) {
		int open = request.indexOf('[', request.indexOf("\"params\""));
		int end = open + 1;
		while (end < request.length() && Character.isDigit(request.charAt(end))) {
			end++;
		}
		return Long.parseLong(request.substring(open + 1, end));
	}

	public static String notification(String request) {
		return request.contains("\"block\"") ? BLOCK_CONNECTED : TX_ACCEPTED;
	}

}
