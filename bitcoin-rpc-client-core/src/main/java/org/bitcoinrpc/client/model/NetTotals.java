package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code getnettotals}: P2P traffic since the node started (Core adds an {@code uploadtarget}
 * object, which is ignored).
 *
 * @param totalBytesRecv bytes received
 * @param totalBytesSent bytes sent
 * @param timeMillis the node's clock, Unix milliseconds
 */
public record NetTotals(@JsonProperty("totalbytesrecv") long totalBytesRecv,
		@JsonProperty("totalbytessent") long totalBytesSent, @JsonProperty("timemillis") long timeMillis) {
}
