package org.bitcoinrpc.sample;

import java.time.Instant;

import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.bitcoinrpc.spring.event.BlockDisconnectedEvent;
import org.bitcoinrpc.spring.event.TxAcceptedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * One readable log line per block and transaction event: what a user's own listeners look like.
 * <p>
 * The follower publishes block events inside the block's transaction (with the {@code jdbc}
 * store): a {@link TransactionalEventListener} runs after its commit, so each block is logged once,
 * even if its handling failed and was retried; a listener that must not fail the block belongs
 * there too. Without a transaction (the {@code memory} store) it runs at once
 * ({@code fallbackExecution}).
 */
@Component
public class ChainEventsLogger {

	private static final Logger logger = LoggerFactory.getLogger(ChainEventsLogger.class);

	@TransactionalEventListener(fallbackExecution = true)
	public void onBlockConnected(BlockConnectedEvent event) {
		Notification.BlockConnected block = event.notification();
		logger.info("Block {} connected: {} at {}", block.height(), block.hash(), Instant.ofEpochSecond(block.time()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	public void onBlockDisconnected(BlockDisconnectedEvent event) {
		Notification.BlockDisconnected block = event.notification();
		logger.info("Block {} disconnected (reorg): {}", block.height(), block.hash());
	}

	@EventListener
	public void onTransactionAccepted(TxAcceptedEvent event) {
		Notification.TxAccepted tx = event.notification();
		logger.info("Transaction accepted: {} moving {} BTC", tx.txid(), tx.amount().toPlainString());
	}

}
