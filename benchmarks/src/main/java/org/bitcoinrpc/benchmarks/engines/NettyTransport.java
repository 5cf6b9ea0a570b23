package org.bitcoinrpc.benchmarks.engines;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Netty's two socket engines on Linux: the JDK's selector (NIO) and the native epoll transport,
 * whose library comes from {@code netty-transport-native-epoll} with classifier {@code linux-x86_64}.
 */
public enum NettyTransport {

	NIO("Netty NIO") {

		@Override
		IoHandlerFactory ioHandlerFactory() {
			return NioIoHandler.newFactory();
		}

		@Override
		Class<? extends SocketChannel> channelType() {
			return NioSocketChannel.class;
		}

		@Override
		public boolean available() {
			return true;
		}

	},

	EPOLL("Netty epoll") {

		@Override
		IoHandlerFactory ioHandlerFactory() {
			return EpollIoHandler.newFactory();
		}

		@Override
		Class<? extends SocketChannel> channelType() {
			return EpollSocketChannel.class;
		}

		@Override
		public boolean available() {
			return Epoll.isAvailable();
		}

	};

	private final String label;

	NettyTransport(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether this engine can run here (epoll: Linux with the native library loaded). */
	public abstract boolean available();

	abstract IoHandlerFactory ioHandlerFactory();

	abstract Class<? extends SocketChannel> channelType();

}
