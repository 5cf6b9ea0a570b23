package org.bitcoinrpc.sample;

import java.util.concurrent.atomic.AtomicBoolean;

import org.bitcoinrpc.client.follow.Cursor;
import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.client.follow.FollowerEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says what a start of the app resumes from and, once the follower reached the node's tip, how
 * many blocks it caught up on: those mined while the app was stopped.
 */
@Component
public class CatchUpLogger {

	private static final Logger logger = LoggerFactory.getLogger(CatchUpLogger.class);

	/** The stored cursor when the app started (read before the follower starts), or null. */
	private final @Nullable Cursor resumedFrom;

	/** Set by the first catch-up after the start; on the follower's thread. */
	private final AtomicBoolean reported = new AtomicBoolean();

	public CatchUpLogger(ObjectProvider<CursorStore> stores, @Value("${bitcoin.rpc.follow.name:default}") String followerName) {
		// No store when the follower is off (bitcoin.rpc.follow.enabled=false, as in the WireMock tests).
		CursorStore store = stores.getIfAvailable();
		if (store == null) {
			this.resumedFrom = null;
			return;
		}
		// A bean, so created before the lifecycle beans start: the follower has not moved the cursor yet.
		this.resumedFrom = store.load(followerName).orElse(null);
		if (this.resumedFrom != null) {
			logger.info("Resuming after block {} ({}), the cursor stored by the last run in {}",
					this.resumedFrom.height(), this.resumedFrom.hash(), store);
		}
		else {
			logger.info("No stored cursor in {}: following from the node's tip", store);
		}
	}

	@EventListener
	public void onCaughtUp(FollowerEvent.CaughtUp event) {
		if (!this.reported.compareAndSet(false, true)) {
			return;
		}
		Cursor now = event.cursor();
		if (this.resumedFrom != null && now.height() > this.resumedFrom.height()) {
			logger.info("Caught up on {} block(s) mined while the app was stopped ({} to {}); now at the node's tip",
					now.height() - this.resumedFrom.height(), this.resumedFrom.height() + 1, now.height());
		}
		else {
			logger.info("At the node's tip, block {}: nothing was mined while the app was stopped", now.height());
		}
	}

}
