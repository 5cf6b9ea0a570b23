package org.bitcoinrpc.client;

import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TlsOptionsTests {

	static TrustManagerFactory trustManager() {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init((KeyStore) null);
			return factory;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static KeyManagerFactory keyManager() {
		try {
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(null, null);
			return factory;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void everyFieldSurvivesMutate() {
		TlsOptions options = TlsOptions.builder()
			.trustManager(trustManager())
			.keyManager(keyManager())
			.protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
			.build();
		TlsOptions copy = options.mutate().build();
		assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options);
		assertThat(copy).usingRecursiveComparison().isEqualTo(options);
		assertThat(copy.trustManager()).isSameAs(options.trustManager());
		assertThat(copy.keyManager()).isSameAs(options.keyManager());
	}

	@Test
	void defaultsAreTls13And12AndTheJdkCipherSuites() throws NoSuchAlgorithmException {
		TlsOptions options = TlsOptions.builder().build();
		assertThat(options.protocols()).containsExactly("TLSv1.3", "TLSv1.2").isEqualTo(TlsOptions.DEFAULT_PROTOCOLS);
		assertThat(options.cipherSuites()).isEmpty();
		assertThat(options.trustManager()).isNull();
		assertThat(options.keyManager()).isNull();
		assertThat(TlsOptions.builder().protocols("TLSv1.3").protocols().build().protocols())
			.isEqualTo(TlsOptions.DEFAULT_PROTOCOLS);
	}

	@Test
	void olderProtocolsAndBlankNamesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TlsOptions.builder().protocols("TLSv1.3", "TLSv1.1"))
			.withMessage("protocols may only hold TLSv1.3 and TLSv1.2 (the client never uses older TLS), was [TLSv1.3, TLSv1.1]");
		assertThatIllegalArgumentException().isThrownBy(() -> TlsOptions.builder().protocols("SSLv3"))
			.withMessageContaining("SSLv3");
		assertThatIllegalArgumentException().isThrownBy(() -> TlsOptions.builder().cipherSuites(" "))
			.withMessageStartingWith("cipherSuites must not hold a blank name");
	}

	@Test
	void differentFactoriesMakeDifferentOptions() {
		assertThat(TlsOptions.builder().trustManager(trustManager()).build())
			.isNotEqualTo(TlsOptions.builder().trustManager(trustManager()).build());
	}

	@Test
	void toStringNamesTheAlgorithmsOnly() {
		String text = TlsOptions.builder().trustManager(trustManager()).keyManager(keyManager()).build().toString();
		assertThat(text).isEqualTo("TlsOptions[trustManager=" + TrustManagerFactory.getDefaultAlgorithm() + ", keyManager="
				+ KeyManagerFactory.getDefaultAlgorithm() + ", protocols=[TLSv1.3, TLSv1.2], cipherSuites=default]");
	}

}
