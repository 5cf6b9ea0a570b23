package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code getrpcinfo} (Bitcoin Core only): the calls the node is running now.
 *
 * @param activeCommands the calls in progress, including this {@code getrpcinfo} itself
 * @param logPath the full path of the node's debug log, on the node's machine
 */
public record RpcInfo(@JsonProperty("active_commands") List<ActiveCommand> activeCommands,
		@JsonProperty("logpath") String logPath) {

	/**
	 * A call in progress.
	 *
	 * @param method the RPC method
	 * @param duration how long it has run, in microseconds
	 */
	public record ActiveCommand(String method, long duration) {
	}

}
