package org.bitcoinrpc.client.zmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;

/**
 * The jeromq side of a subscriber: one context, one SUB socket per distinct endpoint subscribed to
 * the topics configured there, and a monitor socket beside each to learn of (re)connections; ZMQ
 * itself reconnects a SUB socket at {@link ZmqOptions#reconnectInterval()}.
 * <p>
 * ZMQ sockets are not thread-safe: these are created by the thread that starts the subscriber and
 * then used and closed only by the receive thread ({@link Thread#start()} orders the hand-over).
 * The context's own threads are named after the receive thread and are daemons.
 * <p>
 * Each socket gets a short handshake timeout ({@link ZmqOptions#handshakeTimeout()}): jeromq
 * 0.6.0 sometimes completes the TCP connect of a connecting socket but never starts the ZMTP
 * handshake (a race in its I/O poller, zeromq/jeromq PR #1022, about 1 in 15 connections here); the
 * timeout makes the socket drop such a connection and try again.
 */
final class ZmqSockets implements AutoCloseable {

	private final ZContext context;

	private final List<Endpoint> endpoints = new ArrayList<>();

	private final ZMQ.Poller poller;

	ZmqSockets(ZmqOptions options, String threadName) {
		this.context = new ZContext(1);
		this.context.setLinger(0);
		this.context.setThreadFactor((runnable, name) -> {
			Thread thread = new Thread(runnable, threadName + "-" + name);
			thread.setDaemon(true);
			return thread;
		});
		try {
			int index = 0;
			for (String address : options.distinctEndpoints()) {
				ZMQ.Socket socket = this.context.createSocket(SocketType.SUB);
				socket.setLinger(0);
				socket.setRcvHWM(options.receiveHighWaterMark());
				socket.setReconnectIVL(millis(options.reconnectInterval()));
				socket.setHandshakeIvl(millis(options.handshakeTimeout()));
				for (Map.Entry<ZmqTopic, String> entry : options.endpoints().entrySet()) {
					if (entry.getValue().equals(address)) {
						socket.subscribe(entry.getKey().wireName().getBytes(StandardCharsets.US_ASCII));
					}
				}
				// The monitor must exist before connect() so the first connection is reported too.
				String monitorAddress = "inproc://" + threadName + "-monitor-" + index++;
				socket.monitor(monitorAddress, ZMQ.EVENT_HANDSHAKE_PROTOCOL | ZMQ.EVENT_DISCONNECTED);
				ZMQ.Socket monitor = this.context.createSocket(SocketType.PAIR);
				monitor.setLinger(0);
				monitor.connect(monitorAddress);
				connect(socket, address);
				this.endpoints.add(new Endpoint(address, socket, monitor));
			}
			this.poller = this.context.createPoller(this.endpoints.size() * 2);
			for (Endpoint endpoint : this.endpoints) {
				this.poller.register(endpoint.socket, ZMQ.Poller.POLLIN);
				this.poller.register(endpoint.monitor, ZMQ.Poller.POLLIN);
			}
		}
		catch (RuntimeException ex) {
			this.context.close();
			throw ex;
		}
	}

	private static void connect(ZMQ.Socket socket, String address) {
		boolean connected;
		try {
			connected = socket.connect(address);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Cannot connect a ZMQ socket to " + address + ": " + ex.getMessage(), ex);
		}
		if (!connected) {
			throw new IllegalArgumentException("Cannot connect a ZMQ socket to " + address);
		}
	}

	int size() {
		return this.endpoints.size();
	}

	String address(int index) {
		return this.endpoints.get(index).address;
	}

	/** Waits up to {@code timeoutMillis} for something to read. */
	void poll(long timeoutMillis) {
		this.poller.poll(timeoutMillis);
	}

	boolean messageReady(int index) {
		return this.poller.pollin(index * 2);
	}

	boolean monitorReady(int index) {
		return this.poller.pollin(index * 2 + 1);
	}

	/** The frames of the next message of an endpoint, or {@code null} if none is waiting. */
	@Nullable List<byte[]> receive(int index) {
		ZMQ.Socket socket = this.endpoints.get(index).socket;
		byte[] first = socket.recv(ZMQ.DONTWAIT);
		if (first == null) {
			return null;
		}
		List<byte[]> frames = new ArrayList<>(3);
		frames.add(first);
		while (socket.hasReceiveMore()) {
			// The rest of a multipart message is delivered together with its first frame.
			frames.add(socket.recv(0));
		}
		return frames;
	}

	/** The next monitor event of an endpoint, or {@link Connection#NONE} if none is waiting. */
	Connection connectionEvent(int index) {
		ZEvent event = ZEvent.recv(this.endpoints.get(index).monitor, ZMQ.DONTWAIT);
		if (event == null) {
			return Connection.NONE;
		}
		return switch (event.getEvent()) {
			case HANDSHAKE_PROTOCOL -> Connection.CONNECTED;
			case DISCONNECTED -> Connection.DISCONNECTED;
			default -> Connection.OTHER;
		};
	}

	/**
	 * A monitor event. Connected means the ZMTP handshake completed, after which the subscription
	 * is on its way: a TCP connection alone can stall before that (see
	 * {@link ZmqOptions#DEFAULT_HANDSHAKE_TIMEOUT}).
	 */
	enum Connection {

		NONE, CONNECTED, DISCONNECTED, OTHER

	}

	private static int millis(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
	}

	/** Closes every socket and terminates the context, which ends its threads. */
	@Override
	public void close() {
		this.poller.close();
		this.context.close();
	}

	private record Endpoint(String address, ZMQ.Socket socket, ZMQ.Socket monitor) {
	}

}
