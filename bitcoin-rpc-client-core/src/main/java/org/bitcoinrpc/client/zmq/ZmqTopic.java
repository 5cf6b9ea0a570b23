package org.bitcoinrpc.client.zmq;

import org.jspecify.annotations.Nullable;

/**
 * The topics Bitcoin Core publishes, each on the endpoint given by {@code -zmqpub<topic>=...}.
 * Every message of every topic has three frames: the topic, the body, and a 4-byte little-endian
 * sequence number counted per topic from 0 at node start.
 */
public enum ZmqTopic {

	/** Body: the 32-byte hash of a new tip, in RPC (display) order. Nothing on disconnects. */
	HASHBLOCK("hashblock"),

	/** Body: the 32-byte txid, in RPC (display) order, of a tx entering the mempool or a connected/disconnected block. */
	HASHTX("hashtx"),

	/** Body: the serialized block of a new tip. */
	RAWBLOCK("rawblock"),

	/** Body: the serialized transaction (with witness), for the same events as {@link #HASHTX}. */
	RAWTX("rawtx"),

	/** Body: a hash in RPC order, a label {@code C}/{@code D}/{@code A}/{@code R}, and for A/R a uint64 LE mempool sequence. */
	SEQUENCE("sequence");

	private final String wireName;

	ZmqTopic(String wireName) {
		this.wireName = wireName;
	}

	/** The topic as it appears in the first frame and in {@code -zmqpub<topic>}, e.g. {@code hashblock}. */
	public String wireName() {
		return this.wireName;
	}

	/** The topic with this wire name, or {@code null} if Core has no such topic. */
	public static @Nullable ZmqTopic fromWireName(String wireName) {
		for (ZmqTopic topic : values()) {
			if (topic.wireName.equals(wireName)) {
				return topic;
			}
		}
		return null;
	}

}
