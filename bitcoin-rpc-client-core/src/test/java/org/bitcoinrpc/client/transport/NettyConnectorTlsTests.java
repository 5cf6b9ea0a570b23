package org.bitcoinrpc.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
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
import org.bitcoinrpc.test.tls.SelfSignedCertificate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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

	/**
	 * A server that asks for a client certificate (the simulated node does not): the key manager of
	 * the options presents the client's, and the server sees exactly that certificate.
	 */
	@Test
	void keyManagerPresentsTheClientCertificate() throws Exception {
		SelfSignedCertificate server = SelfSignedCertificate.generate("127.0.0.1", "127.0.0.1");
		SelfSignedCertificate client = SelfSignedCertificate.generate("client", "127.0.0.1");
		assertThat(handshakeWithClientAuth(server, client, keyManager(client))).isEqualTo(client.certificate());
		assertThat(handshakeWithClientAuth(server, client, null)).isNull();
	}

	/** The certificate the server saw, or null when its handshake failed. */
	private static @Nullable Certificate handshakeWithClientAuth(SelfSignedCertificate server,
			SelfSignedCertificate client, @Nullable KeyManagerFactory clientKey) throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		TrustManagerFactory trustClient = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustClient.init(client.trustStore());
		context.init(keyManager(server).getKeyManagers(), trustClient.getTrustManagers(), null);
		try (SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
			.createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setNeedClientAuth(true);
			CompletableFuture<Certificate> seen = CompletableFuture.supplyAsync(() -> {
				try (SSLSocket accepted = (SSLSocket) socket.accept()) {
					accepted.setSoTimeout(10_000);
					accepted.startHandshake();
					return accepted.getSession().getPeerCertificates()[0];
				}
				catch (IOException ex) {
					return null;
				}
			});
			TrustManagerFactory trustServer = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustServer.init(server.trustStore());
			ClientOptions options = ClientOptions.builder()
				.url("https://127.0.0.1:" + socket.getLocalPort() + "/")
				.tlsOptions(TlsOptions.builder().trustManager(trustServer).keyManager(clientKey).build())
				.build();
			Future<Channel> opened = new NettyConnector(group, options).open((pipeline) -> {
			});
			// With TLS 1.3 the client may finish before the server refuses: the server's view decides.
			opened.await(10, TimeUnit.SECONDS);
			Certificate certificate = seen.get(10, TimeUnit.SECONDS);
			if (opened.isSuccess()) {
				opened.getNow().close().syncUninterruptibly();
			}
			return certificate;
		}
	}

	private static KeyManagerFactory keyManager(SelfSignedCertificate certificate) throws Exception {
		KeyStore store = KeyStore.getInstance(SelfSignedCertificate.KEY_STORE_TYPE);
		char[] password = certificate.keyStorePassword().toCharArray();
		try (InputStream in = Files.newInputStream(certificate.keyStorePath())) {
			store.load(in, password);
		}
		KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		factory.init(store, password);
		return factory;
	}

}
