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

/**
 * One readable log line per block and transaction event: what a user's own listeners look like.
 */
@Component
public class ChainEventsLogger {

	private static final Logger logger = LoggerFactory.getLogger(ChainEventsLogger.class);

	@EventListener
	public void onBlockConnected(BlockConnectedEvent event) {
		Notification.BlockConnected block = event.notification();
		logger.info("Block {} connected: {} at {}", block.height(), block.hash(), Instant.ofEpochSecond(block.time()));
	}

	@EventListener
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
