package org.bitcoinrpc.client.follow;

import java.util.concurrent.atomic.AtomicBoolean;

import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinEventListener;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link WakeSource#blockNotifications()}: subscribes with {@code notifyblocks} once the websocket
 * is up and wakes the follower on block notifications and (re)connections. The client registers
 * the subscription again after every reconnect; a refused subscription is asked again at the
 * follower's next catch-up, and polling goes on meanwhile.
 * <p>
 * Threads: the listener runs on the client's event thread, {@link #caughtUp} on the follower's,
 * completions on the client's; the two flags are atomic.
 */
final class BlockNotifications implements WakeSource.Subscription, BitcoinEventListener {

	private static final Logger logger = LoggerFactory.getLogger(BlockNotifications.class);

	private final BitcoinRpcClient client;

	private final ChainFollower follower;

	/** Whether the node accepted {@code notifyblocks} (the client keeps it across reconnects). */
	private final AtomicBoolean subscribed = new AtomicBoolean();

	/** Whether a {@code notifyblocks} call is under way. */
	private final AtomicBoolean subscribing = new AtomicBoolean();

	BlockNotifications(ChainFollower follower) {
		this.follower = follower;
		this.client = follower.client();
		this.client.addListener(this);
		subscribeIfConnected();
	}

	@Override
	public void onEvent(BitcoinEvent event) {
		if (event instanceof ConnectionEvent.Connected) {
			subscribeIfConnected();
			this.follower.wake();
		}
		else if (event instanceof Notification.BlockChange || event instanceof ConnectionEvent.Reconnected) {
			this.follower.wake();
		}
	}

	@Override
	public void caughtUp(Cursor tip) {
		subscribeIfConnected();
	}

	@Override
	public boolean isListening() {
		return this.subscribed.get() && this.client.isConnected();
	}

	private void subscribeIfConnected() {
		if (this.subscribed.get() || !this.client.isConnected() || !this.subscribing.compareAndSet(false, true)) {
			return;
		}
		this.client.notifyBlocksAsync().whenComplete((ignored, failure) -> {
			this.subscribing.set(false);
			if (failure == null) {
				this.subscribed.set(true);
			}
			else {
				logger.warn("Follower '{}' could not subscribe to block notifications ({}); polling meanwhile",
						this.follower.name(), failure.getMessage());
			}
		});
	}

	@Override
	public void close() {
		this.client.removeListener(this);
	}

}
