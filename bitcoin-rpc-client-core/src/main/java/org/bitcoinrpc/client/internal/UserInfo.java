package org.bitcoinrpc.client.internal;

/**
 * Masks the credentials a URL may carry before it is put into a message, a log line or a
 * {@code toString}. Also used by the Spring Boot starter, so that both sides mask alike.
 */
public final class UserInfo {

	/** What a password is replaced with. */
	public static final String MASK = "****";

	private UserInfo() {
	}

	/**
	 * The text of a URL, maybe malformed, with the password masked: {@code http://alice:****@host/}.
	 * Without a colon the whole user info is masked ({@code http://****@host/}), as a user name alone
	 * may be a token.
	 * <p>
	 * Everything up to the <em>last</em> {@code @} counts as user info, not only up to the first
	 * {@code / ? #}: a password typed with such characters ({@code http://alice:p#ss@host/}) makes
	 * the parser end the authority early and would otherwise leak the start of the password. A URL
	 * with an {@code @} in its path is then over-masked, which only costs detail in a message.
	 * @param url a URL or what was meant as one
	 * @return the same text with the user info masked, or unchanged when it has no {@code @}
	 */
	public static String mask(String url) {
		int at = url.lastIndexOf('@');
		if (at < 0) {
			return url;
		}
		int slashes = url.indexOf("//");
		int start = (slashes >= 0 && slashes < at) ? slashes + 2 : 0;
		String userInfo = url.substring(start, at);
		int colon = userInfo.indexOf(':');
		String shown = (colon > 0) ? userInfo.substring(0, colon + 1) + MASK : MASK;
		return url.substring(0, start) + shown + url.substring(at);
	}

	/**
	 * Whether a URL, maybe malformed, carries user info.
	 * @param url a URL or what was meant as one
	 * @return true if it has an {@code @}
	 */
	public static boolean present(String url) {
		return url.indexOf('@') >= 0;
	}

}
