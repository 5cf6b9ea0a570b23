package org.bitcoinrpc.client.transport;

import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.TrustManagerFactory;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;

import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.TlsOptions;
import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.SimulatedNodeExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TLS options reach the handshake: the protocol the node and the client agree on is the one
 * the options allow, not merely one that works.
 */
class NettyConnectorTlsTests {

	@RegisterExtension
	static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(SimulatedNode.builder().tls(true));

	private static final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

	@AfterAll
	static void close() {
		group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	@ParameterizedTest
	@ValueSource(strings = { "TLSv1.3", "TLSv1.2" })
	void handshakeUsesTheProtocolOfTheOptions(String protocol) throws Exception {
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		KeyStore store = NODE.node().certificate().trustStore();
		trust.init(store);
		ClientOptions options = ClientOptions.builder()
			.url(NODE.node().httpUrl())
			.tlsOptions(TlsOptions.builder().trustManager(trust).protocols(protocol).build())
			.build();
		Future<Channel> opened = new NettyConnector(group, options).open((pipeline) -> {
		});
		Channel channel = opened.get(10, TimeUnit.SECONDS);
		try {
			assertThat(channel.pipeline().get(SslHandler.class).engine().getSession().getProtocol()).isEqualTo(protocol);
		}
		finally {
			channel.close().syncUninterruptibly();
		}
	}

}
