package org.bitcoinrpc.spring.autoconfigure.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the browser relay ({@code bitcoin.rpc.relay.*}): a WebSocket endpoint that sends the
 * client's chain events to browsers.
 */
@ConfigurationProperties("bitcoin.rpc.relay")
public class BitcoinRpcRelayProperties {

	/**
	 * Whether to serve chain events to browsers over a WebSocket. Needs spring-websocket on the
	 * class path (spring-boot-starter-websocket) in a servlet web application.
	 */
	private boolean enabled = false;

	/**
	 * Path of the WebSocket endpoint.
	 */
	private String path = "/bitcoin/events";

	/**
	 * Origins, besides the application's own, whose pages may connect, for example a dashboard
	 * served elsewhere such as http://127.0.0.1:3000; '*' allows every origin. Empty: same origin only.
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/**
	 * Most data that may wait to be sent to one browser; a browser whose backlog would pass it is
	 * closed as too slow (status 4500).
	 */
	private DataSize sendBufferSize = DataSize.ofKilobytes(64);

	/**
	 * Longest time one send to a browser may be stuck; past it, the browser is closed as too slow
	 * (status 4500) when the next message comes.
	 */
	private Duration sendTimeLimit = Duration.ofSeconds(10);

	/**
	 * Whether to relay transactions entering the mempool (txid only), besides blocks and the
	 * connection's state.
	 */
	private boolean transactions = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public DataSize getSendBufferSize() {
		return this.sendBufferSize;
	}

	public void setSendBufferSize(DataSize sendBufferSize) {
		this.sendBufferSize = sendBufferSize;
	}

	public Duration getSendTimeLimit() {
		return this.sendTimeLimit;
	}

	public void setSendTimeLimit(Duration sendTimeLimit) {
		this.sendTimeLimit = sendTimeLimit;
	}

	public boolean isTransactions() {
		return this.transactions;
	}

	public void setTransactions(boolean transactions) {
		this.transactions = transactions;
	}

}
