package org.bitcoinrpc.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * TLS material for one client given as JDK factories rather than PEM text: whom to trust, which key
 * to present if the node asks for a client certificate, and optionally which protocols and cipher
 * suites to offer. This is what a key store, a PKCS#11 token or a framework's SSL bundle (Spring
 * Boot's {@code SslBundle}) hands over. Immutable; build with {@link #builder()}, derive a changed
 * copy with {@link #mutate()}.
 * <p>
 * Whatever is set here, the node's certificate must still name the host of the URL (hostname
 * verification is never turned off), and only TLS 1.3 and 1.2 are used.
 *
 * <pre>{@code
 * TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
 * trust.init(trustStore);
 * ClientOptions options = ClientOptions.builder()
 *     .url("wss://node.example:8334/ws")
 *     .tlsOptions(TlsOptions.builder().trustManager(trust).build())
 *     .build();
 * }</pre>
 */
public final class TlsOptions {

	/** The protocols offered when none are set: TLS 1.3, then TLS 1.2. */
	public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

	private static final Set<String> ALLOWED_PROTOCOLS = Set.copyOf(DEFAULT_PROTOCOLS);

	private final @Nullable TrustManagerFactory trustManager;

	private final @Nullable KeyManagerFactory keyManager;

	private final List<String> protocols;

	private final List<String> cipherSuites;

	private TlsOptions(Builder builder) {
		this.trustManager = builder.trustManager;
		this.keyManager = builder.keyManager;
		this.protocols = builder.protocols;
		this.cipherSuites = builder.cipherSuites;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding a copy of every option of this instance. */
	public Builder mutate() {
		Builder builder = new Builder();
		builder.trustManager = this.trustManager;
		builder.keyManager = this.keyManager;
		builder.protocols = this.protocols;
		builder.cipherSuites = this.cipherSuites;
		return builder;
	}

	/**
	 * Whom the client trusts, or {@code null} for the system's certificate authorities (or the PEM
	 * certificates of {@link ClientOptions#trustedCertificates()}).
	 */
	public @Nullable TrustManagerFactory trustManager() {
		return this.trustManager;
	}

	/** The client's own key and certificate, for nodes that ask for one, or {@code null} for none. */
	public @Nullable KeyManagerFactory keyManager() {
		return this.keyManager;
	}

	/** The protocols offered, in order; {@link #DEFAULT_PROTOCOLS} unless set. */
	public List<String> protocols() {
		return this.protocols;
	}

	/** The cipher suites offered; empty for the JDK's defaults. */
	public List<String> cipherSuites() {
		return this.cipherSuites;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		// The factories have no equality of their own: the same instances make equal options.
		return other instanceof TlsOptions that && this.trustManager == that.trustManager
				&& this.keyManager == that.keyManager && this.protocols.equals(that.protocols)
				&& this.cipherSuites.equals(that.cipherSuites);
	}

	@Override
	public int hashCode() {
		return Objects.hash(System.identityHashCode(this.trustManager), System.identityHashCode(this.keyManager),
				this.protocols, this.cipherSuites);
	}

	@Override
	public String toString() {
		// Algorithms only: the factories hold keys and know nothing worth printing.
		return "TlsOptions[trustManager=" + ((this.trustManager != null) ? this.trustManager.getAlgorithm() : "system")
				+ ", keyManager=" + ((this.keyManager != null) ? this.keyManager.getAlgorithm() : null) + ", protocols="
				+ this.protocols + ", cipherSuites=" + (this.cipherSuites.isEmpty() ? "default" : this.cipherSuites)
				+ "]";
	}

	/** Collects TLS options; every setter checks its argument and names it in the error. */
	public static final class Builder {

		private @Nullable TrustManagerFactory trustManager;

		private @Nullable KeyManagerFactory keyManager;

		private List<String> protocols = DEFAULT_PROTOCOLS;

		private List<String> cipherSuites = List.of();

		private Builder() {
		}

		/**
		 * The certificates to trust, initialised (for example from a trust store); {@code null} for
		 * the system's certificate authorities. The client's only source of trust: it cannot be
		 * combined with {@link ClientOptions.Builder#trustedCertificates(byte[])}.
		 */
		public Builder trustManager(@Nullable TrustManagerFactory trustManager) {
			this.trustManager = trustManager;
			return this;
		}

		/** The client's key and certificate, initialised, for a node that asks for a client certificate. */
		public Builder keyManager(@Nullable KeyManagerFactory keyManager) {
			this.keyManager = keyManager;
			return this;
		}

		/**
		 * The protocols to offer, among {@code TLSv1.3} and {@code TLSv1.2}; older ones are refused,
		 * as the client never falls back to them. Empty restores {@link #DEFAULT_PROTOCOLS}.
		 */
		public Builder protocols(String... protocols) {
			Objects.requireNonNull(protocols, "protocols must not be null");
			return protocols(Arrays.asList(protocols));
		}

		/** The protocols to offer; see {@link #protocols(String...)}. */
		public Builder protocols(List<String> protocols) {
			List<String> checked = names(protocols, "protocols");
			for (String protocol : checked) {
				if (!ALLOWED_PROTOCOLS.contains(protocol)) {
					throw new IllegalArgumentException("protocols may only hold TLSv1.3 and TLSv1.2 (the client never uses"
							+ " older TLS), was " + checked);
				}
			}
			this.protocols = checked.isEmpty() ? DEFAULT_PROTOCOLS : checked;
			return this;
		}

		/** The cipher suites to offer, by their JDK names; empty for the JDK's defaults. */
		public Builder cipherSuites(String... cipherSuites) {
			Objects.requireNonNull(cipherSuites, "cipherSuites must not be null");
			return cipherSuites(Arrays.asList(cipherSuites));
		}

		/** The cipher suites to offer; see {@link #cipherSuites(String...)}. */
		public Builder cipherSuites(List<String> cipherSuites) {
			this.cipherSuites = names(cipherSuites, "cipherSuites");
			return this;
		}

		public TlsOptions build() {
			return new TlsOptions(this);
		}

		private static List<String> names(@Nullable List<String> names, String argument) {
			Objects.requireNonNull(names, argument + " must not be null");
			List<String> checked = new ArrayList<>(names.size());
			for (String name : names) {
				if (name == null || name.isBlank()) {
					throw new IllegalArgumentException(argument + " must not hold a blank name, was " + names);
				}
				if (!checked.contains(name.trim())) {
					checked.add(name.trim());
				}
			}
			return List.copyOf(checked);
		}

	}

}
