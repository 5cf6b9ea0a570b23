package org.bitcoinrpc.client.zmq;

import org.bitcoinrpc.client.BitcoinRpcException;

/**
 * A ZMQ message that does not have Bitcoin Core's shape: not three frames, an unknown topic, a
 * sequence frame that is not 4 bytes, or a body of the wrong length or an unparseable
 * transaction or block. The subscriber counts these ({@link ZmqStats#decodeErrors()}) and goes on.
 */
public class ZmqDecodeException extends BitcoinRpcException {

	private static final long serialVersionUID = 1L;

	public ZmqDecodeException(String message) {
		super(message);
	}

}
