package org.bitcoinrpc.sample;

// tag::block-ledger[]
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.BlockHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

// end::block-ledger[]
/**
 * The application's own work per block: a row in {@code sample_blocks} (see {@code schema.sql}),
 * written with {@code JdbcTemplate}. With {@code bitcoin.rpc.follow.store: jdbc} it runs in the
 * block's transaction, with the follower's cursor: the row and the cursor commit together, so each
 * block has exactly one row, whatever stops the app in between. A reorg deletes the row of each
 * block that left the chain.
 */
// tag::block-ledger[]
@Component
public class BlockLedger implements BlockHandler {

	private final JdbcTemplate jdbc;

	public BlockLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void handle(Notification.BlockChange change) {
		if (change instanceof Notification.BlockConnected block) {
			this.jdbc.update("INSERT INTO sample_blocks (hash, height, block_time) VALUES (?, ?, ?)", block.hash(),
					block.height(), block.time());
		}
		else {
			this.jdbc.update("DELETE FROM sample_blocks WHERE hash = ?", change.hash());
		}
	}

	// end::block-ledger[]
	/** How many blocks are in the ledger. */
	public long size() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM sample_blocks", Long.class);
		return (count != null) ? count : 0;
	}

// tag::block-ledger[]
}
// end::block-ledger[]
