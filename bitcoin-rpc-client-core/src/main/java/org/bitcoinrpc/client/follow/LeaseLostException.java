package org.bitcoinrpc.client.follow;

/**
 * A fenced {@link LeasingCursorStore#advance(String, String, Cursor, CursorStore.Work) advance}
 * found that its owner no longer holds the lease: another instance took it over, or it expired.
 * Nothing was recorded; a {@link ChainFollower} goes back to standby.
 */
public class LeaseLostException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public LeaseLostException(String message) {
		super(message);
	}

}
