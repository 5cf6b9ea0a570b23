package org.bitcoinrpc.readme;

// tag::block-listener[]
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.client.model.RawTransaction;
import org.bitcoinrpc.spring.follow.BlockListener;
import org.springframework.stereotype.Component;

@Component
class Deposits {

	private final Ledger ledger; // Ledger: your own store

	Deposits(Ledger ledger) {
		this.ledger = ledger;
	}

	@BlockListener // takes the block: the follower fetches whole blocks
	void on(Notification.BlockConnected block, BlockWithTransactions whole) {
		for (RawTransaction tx : whole.transactions()) {
			this.ledger.add(block.hash(), tx.txid());
		}
	}

	@BlockListener
	void on(Notification.BlockDisconnected block) {
		this.ledger.removeBlock(block.hash());
	}

}
// end::block-listener[]

/** The README's "your own store" ({@link FollowingWithSpringTests} records into one). */
interface Ledger {

	void add(String blockHash, String txid);

	void removeBlock(String blockHash);

}
