package org.bitcoinrpc.test.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate with its private key in a temporary PKCS12 key store, made by the JDK's
 * own {@code keytool} (no BouncyCastle): an EC P-256 key, {@code CN=<cn>} and the subject alternative
 * name {@code IP:<ip>}, valid for ten years. The files are deleted when the JVM exits. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * SelfSignedCertificate cert = SelfSignedCertificate.generate("127.0.0.1", "127.0.0.1");
 * HttpClient client = HttpClient.newBuilder().sslContext(cert.clientSslContext()).build();
 * }</pre>
 */
public final class SelfSignedCertificate {

    /** The key store's type. */
    public static final String KEY_STORE_TYPE = "PKCS12";

    /** The alias of the key entry in the key store. */
    public static final String ALIAS = "simnode";

    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;

    private final Path keyStorePath;

    private final String keyStorePassword;

    private final String certificatePem;

    private SelfSignedCertificate(Path keyStorePath, String keyStorePassword, String certificatePem) {
        this.keyStorePath = keyStorePath;
        this.keyStorePassword = keyStorePassword;
        this.certificatePem = certificatePem;
    }

    /**
     * Generates a new key pair and certificate by running {@code keytool}.
     * @param cn the subject's common name, for example {@code 127.0.0.1}
     * @param ipSan the IP address for the subject alternative name, for example {@code 127.0.0.1}
     * @return the certificate
     * @throws IllegalStateException when keytool fails
     */
    public static SelfSignedCertificate generate(String cn, String ipSan) {
        if (cn.isBlank() || cn.contains(",") || cn.contains("=")) {
            throw new IllegalArgumentException("cn must be a plain name without ',' or '=', was '" + cn + "'");
        }
        if (!ipSan.matches("[0-9a-fA-F.:]+")) {
            throw new IllegalArgumentException("ipSan must be an IP address literal, was '" + ipSan + "'");
        }
        try {
            Path dir = Files.createTempDirectory("simnode-tls-");
            dir.toFile().deleteOnExit();
            Path keyStore = dir.resolve("keystore.p12");
            Path pem = dir.resolve("certificate.pem");
            keyStore.toFile().deleteOnExit();
            pem.toFile().deleteOnExit();
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);

            keytool(password, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-validity", "3650", "-dname", "CN=" + cn,
                    "-ext", "SAN=ip:" + ipSan, "-keystore", keyStore.toString(), "-storetype", KEY_STORE_TYPE,
                    "-storepass:env", "SIMNODE_STOREPASS", "-keypass:env", "SIMNODE_STOREPASS", "-noprompt");
            keytool(password, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keyStore.toString(),
                    "-storetype", KEY_STORE_TYPE, "-storepass:env", "SIMNODE_STOREPASS", "-file", pem.toString());
            String text = Files.readString(pem, StandardCharsets.US_ASCII);
            return new SelfSignedCertificate(keyStore, password, text);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not generate a self-signed certificate with keytool", ex);
        }
    }

    private static void keytool(String password, String... args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SIMNODE_STOREPASS", password);
        Process process = builder.start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        try {
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while waiting for keytool", ex);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed with exit code " + process.exitValue()
                    + ": " + new String(output, StandardCharsets.UTF_8).trim());
        }
    }

    /** The PKCS12 key store holding the private key and the certificate under {@link #ALIAS}. */
    public Path keyStorePath() {
        return this.keyStorePath;
    }

    /** The password of the key store and of its key entry. */
    public String keyStorePassword() {
        return this.keyStorePassword;
    }

    /** The certificate in PEM form ({@code -----BEGIN CERTIFICATE-----} ...), as btcd's {@code rpc.cert}. */
    public String certificatePem() {
        return this.certificatePem;
    }

    /** The certificate, parsed. */
    public X509Certificate certificate() {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(this.certificatePem.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("keytool wrote a certificate the JDK cannot read", ex);
        }
    }

    /** A key store that trusts only this certificate (no private key). */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance(KEY_STORE_TYPE);
            store.load(null, null);
            store.setCertificateEntry(ALIAS, certificate());
            return store;
        }
        catch (GeneralSecurityException | IOException ex) {
            throw new IllegalStateException("Could not build a trust store", ex);
        }
    }

    /** A client TLS context that trusts only this certificate, for tests using JDK clients. */
    public SSLContext clientSslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not build a TLS context", ex);
        }
    }

    @Override
    public String toString() {
        return "SelfSignedCertificate[" + this.keyStorePath + "]";
    }
}
