package org.bitcoinrpc.spring.test;

import java.nio.file.Path;

import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcConnectionDetails;
import org.bitcoinrpc.test.SimulatedNode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * The {@link BitcoinRpcConnectionDetails} of a simulated node: its websocket or HTTP URL, its
 * user and password or its cookie file, and for a node serving TLS an SSL bundle trusting its
 * certificate. Registered in {@code META-INF/spring.factories}, as Spring
 * Boot registers its container connection details factories, and used for every
 * {@link SimulatedNodeConnection @SimulatedNodeConnection} bean.
 * <p>
 * The details read the node when asked, not when made: the node may not exist yet, and a cookie
 * changes at every start of the node.
 */
public class SimulatedNodeConnectionDetailsFactory
		implements ConnectionDetailsFactory<SimulatedNodeConnectionSource, BitcoinRpcConnectionDetails> {

	@Override
	public BitcoinRpcConnectionDetails getConnectionDetails(SimulatedNodeConnectionSource source) {
		return new SimulatedNodeConnectionDetails(source);
	}

	/** The details of one node; never shows the password. */
	static final class SimulatedNodeConnectionDetails implements BitcoinRpcConnectionDetails {

		private final SimulatedNodeConnectionSource source;

		SimulatedNodeConnectionDetails(SimulatedNodeConnectionSource source) {
			this.source = source;
		}

		@Override
		public String getUrl() {
			SimulatedNode node = this.source.getNode();
			return (this.source.getTransport() == TransportMode.WEBSOCKET) ? node.wsUrl() : node.httpUrl();
		}

		@Override
		public @Nullable String getUser() {
			SimulatedNode node = this.source.getNode();
			return (node.cookieFile() != null) ? null : node.user();
		}

		@Override
		public @Nullable String getPassword() {
			SimulatedNode node = this.source.getNode();
			return (node.cookieFile() != null) ? null : node.password();
		}

		@Override
		public @Nullable Path getCookieFile() {
			return this.source.getNode().cookieFile();
		}

		/**
		 * For a node serving TLS, a bundle that trusts exactly the node's self-signed certificate
		 * (host name verification stays on: the certificate names 127.0.0.1), as Boot's own
		 * connection details carry an {@link SslBundle}.
		 */
		@Override
		public @Nullable SslBundle getSslBundle() {
			SimulatedNode node = this.source.getNode();
			if (!node.isTls()) {
				return null;
			}
			return SslBundle.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificate(node.certificatePem())));
		}

		@Override
		public String toString() {
			return "SimulatedNodeConnectionDetails[" + this.source + "]";
		}

	}

}
