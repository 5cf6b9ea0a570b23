package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code getmemoryinfo} in its default mode {@code "stats"} (Bitcoin Core only).
 *
 * @param locked the pool of locked (non-swappable) memory that holds keys
 */
public record MemoryInfo(LockedPool locked) {

	/**
	 * The locked memory pool, in bytes.
	 *
	 * @param used bytes in use
	 * @param free bytes available in the pool
	 * @param total bytes managed: used plus free
	 * @param locked bytes the operating system actually locked (less than total if locking failed)
	 * @param chunksUsed allocated chunks
	 * @param chunksFree free chunks
	 */
	public record LockedPool(long used, long free, long total, long locked,
			@JsonProperty("chunks_used") long chunksUsed, @JsonProperty("chunks_free") long chunksFree) {
	}

}
