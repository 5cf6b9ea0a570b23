package org.bitcoinrpc.client.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * Turns PEM certificates (btcd's self-signed {@code rpc.cert}, or a CA chain) into a trust store for
 * one client, without touching the JVM's global trust settings.
 */
final class PemTrustStore {

	private PemTrustStore() {
	}

	static KeyStore load(byte[] pem) {
		Collection<? extends Certificate> certificates;
		try {
			certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("trustedCertificates is not valid PEM or DER X.509: " + ex.getMessage(), ex);
		}
		if (certificates.isEmpty()) {
			throw new IllegalArgumentException("trustedCertificates holds no certificate");
		}
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			int index = 0;
			for (Certificate certificate : certificates) {
				store.setCertificateEntry("trusted-" + index++, certificate);
			}
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot build a trust store from trustedCertificates: " + ex, ex);
		}
	}

}
