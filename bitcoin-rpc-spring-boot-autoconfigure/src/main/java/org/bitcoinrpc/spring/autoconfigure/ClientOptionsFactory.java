package org.bitcoinrpc.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.JsonRpcVersion;
import org.bitcoinrpc.client.ProxyOptions;
import org.bitcoinrpc.client.ResendPolicy;
import org.bitcoinrpc.client.TlsOptions;
import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.client.internal.UserInfo;
import org.bitcoinrpc.client.model.OutPoint;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@link BitcoinRpcProperties} and {@link BitcoinRpcConnectionDetails} into a
 * {@link ClientOptions.Builder}, checking every value on the way so that a mistake fails the
 * start-up with the name of the property at fault.
 * <p>
 * No secret is ever put into an exception: where a password is at fault, the error names the
 * property and carries no value.
 */
final class ClientOptionsFactory {

	private static final Log logger = LogFactory.getLog(ClientOptionsFactory.class);

	private static final String PREFIX = "bitcoin.rpc.";

	private static final Pattern TXID = Pattern.compile("[0-9a-fA-F]{64}");

	private ClientOptionsFactory() {
	}

	/**
	 * A builder holding the properties, before any customizer ran.
	 * @param properties the bound properties
	 * @param details where the node is and how to log in
	 * @return a builder ready for the customizers
	 * @throws InvalidConfigurationPropertyValueException naming the property at fault
	 */
	static ClientOptions.Builder builder(BitcoinRpcProperties properties, BitcoinRpcConnectionDetails details) {
		ClientOptions.Builder builder = ClientOptions.builder();
		String url = applyUrl(builder, details);
		applyCredentials(builder, details);
		applyTls(builder, properties, details, url);
		applyProxy(builder, properties.getProxy());
		builder.requestTimeout(positive(properties.getRequestTimeout(), "request-timeout"));
		builder.connectTimeout(positive(properties.getConnectTimeout(), "connect-timeout"));
		if (properties.getMaxPendingRequests() < 1) {
			throw invalid("max-pending-requests", properties.getMaxPendingRequests(), "Must be at least 1");
		}
		builder.maxPendingRequests(properties.getMaxPendingRequests());
		builder.maxResponseSize(maxResponseSize(properties.getMaxResponseSize()));
		builder.maxConnections(atLeastOne(properties.getMaxConnections(), "max-connections"));
		builder.sendBufferLimit(sendBufferLimit(properties.getSendBufferLimit()));
		builder.notificationQueueSize(atLeastOne(properties.getNotificationQueueSize(), "notification-queue-size"));
		builder.jsonRpcVersion(jsonRpcVersion(properties.getJsonRpcVersion()));
		applyWallet(builder, properties.getWallet(), url);
		applyResendPolicy(builder, properties);
		applyReconnect(builder, properties.getReconnect());
		applyKeepalive(builder, properties.getKeepalive());
		positive(properties.getShutdownTimeout(), "shutdown-timeout");
		return builder;
	}

	private static String applyUrl(ClientOptions.Builder builder, BitcoinRpcConnectionDetails details) {
		String url = details.getUrl();
		if (!StringUtils.hasText(url)) {
			throw invalidDetail(details, "url", null, "The node's URL must be set");
		}
		try {
			builder.url(url);
		}
		catch (IllegalArgumentException ex) {
			// The core's messages mask the user info already; masking again costs nothing.
			String reason = withoutUserInfo(String.valueOf(ex.getMessage()));
			if (UserInfo.present(url) && details instanceof PropertiesBitcoinRpcConnectionDetails) {
				throw new MaskedPropertyValueException(PREFIX + "url", withoutUserInfo(url), reason);
			}
			throw invalidDetail(details, "url", withoutUserInfo(url), reason);
		}
		return url;
	}

	private static void applyCredentials(ClientOptions.Builder builder, BitcoinRpcConnectionDetails details) {
		String user = details.getUser();
		String password = details.getPassword();
		Path cookieFile = details.getCookieFile();
		boolean hasUser = StringUtils.hasLength(user);
		boolean hasPassword = password != null && !password.isEmpty();
		if (cookieFile != null && (hasUser || hasPassword)) {
			throw invalidDetail(details, "cookie-file", cookieFile,
					"Set either " + PREFIX + "cookie-file or " + PREFIX + "user and " + PREFIX + "password, not both");
		}
		if (hasUser && !hasPassword) {
			throw invalidDetail(details, "password", null, "Must be set when " + PREFIX + "user is set");
		}
		if (hasPassword && !hasUser) {
			throw invalidDetail(details, "user", null, "Must be set when " + PREFIX + "password is set");
		}
		if (hasUser) {
			builder.credentials(user, password);
		}
		builder.cookieFile((cookieFile != null) ? expandHome(cookieFile) : null);
	}

	/**
	 * {@code ~/.bitcoin/.cookie} as a shell would read it: Java takes {@code ~} for a folder of
	 * that name, and {@code cookie-file: ~/.bitcoin/.cookie} is what users write. Only a leading
	 * {@code ~} alone is expanded (not {@code ~alice}).
	 */
	static Path expandHome(Path path) {
		if (path.getNameCount() == 0 || !path.getName(0).toString().equals("~") || path.isAbsolute()) {
			return path;
		}
		Path home = Path.of(System.getProperty("user.home"));
		return (path.getNameCount() == 1) ? home : home.resolve(path.subpath(1, path.getNameCount()));
	}

	private static void applyTls(ClientOptions.Builder builder, BitcoinRpcProperties properties,
			BitcoinRpcConnectionDetails details, String url) {
		Resource certificates = properties.getTls().getCertificates();
		String bundleName = properties.getSsl().getBundle();
		// Checked before the bundle is looked up, so that the conflict is what the user reads first.
		if (certificates != null && StringUtils.hasText(bundleName)
				&& details instanceof PropertiesBitcoinRpcConnectionDetails) {
			throw invalid("ssl.bundle", bundleName, "Set either " + PREFIX + "ssl.bundle or " + PREFIX
					+ "tls.certificates, not both: each is a source of trust and only one can be used");
		}
		SslBundle bundle = details.getSslBundle();
		if (bundle != null) {
			if (certificates != null) {
				throw invalid("tls.certificates", certificates.getDescription(), "The "
						+ BitcoinRpcConnectionDetails.class.getSimpleName() + " bean " + details.getClass().getName()
						+ " carries an SSL bundle; set either " + PREFIX + "tls.certificates or the bundle, not both");
			}
			builder.tlsOptions(tlsOptions(bundle, details, bundleName));
			warnWithoutTls(url, (details instanceof PropertiesBitcoinRpcConnectionDetails) ? "ssl.bundle"
					: "the SSL bundle of the " + BitcoinRpcConnectionDetails.class.getSimpleName() + " bean");
			return;
		}
		if (certificates == null) {
			return;
		}
		String name = "tls.certificates";
		if (!certificates.exists()) {
			throw invalid(name, certificates.getDescription(), "The certificate file does not exist");
		}
		byte[] pem;
		try (InputStream in = certificates.getInputStream()) {
			pem = in.readAllBytes();
		}
		catch (IOException ex) {
			throw invalid(name, certificates.getDescription(), "The certificate file cannot be read: " + ex.getMessage());
		}
		if (!new String(pem, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
			throw invalid(name, certificates.getDescription(),
					"Not a PEM certificate (no '-----BEGIN CERTIFICATE-----' line)");
		}
		builder.trustedCertificates(pem);
		warnWithoutTls(url, name);
	}

	private static void warnWithoutTls(String url, String name) {
		String scheme = url.substring(0, Math.max(0, url.indexOf(':')));
		if (scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("http")) {
			String what = name.startsWith("the ") ? name : PREFIX + name;
			logger.warn(what + " is set but " + PREFIX + "url uses " + scheme + "://, without TLS; it is not used");
		}
	}

	/**
	 * The bundle's trust and key managers and its options, as Boot's Lettuce configuration hands a
	 * bundle to Lettuce's {@code SslOptions}. The bundle's protocol ({@code TLS}, for an
	 * {@code SSLContext}) has no use here: Netty makes its own context.
	 */
	private static TlsOptions tlsOptions(SslBundle bundle, BitcoinRpcConnectionDetails details,
			@Nullable String bundleName) {
		TlsOptions.Builder tls = TlsOptions.builder()
			.trustManager(bundle.getManagers().getTrustManagerFactory())
			.keyManager(bundle.getManagers().getKeyManagerFactory());
		SslOptions options = bundle.getOptions();
		try {
			if (options.getEnabledProtocols() != null) {
				tls.protocols(options.getEnabledProtocols());
			}
			if (options.getCiphers() != null) {
				tls.cipherSuites(options.getCiphers());
			}
		}
		catch (IllegalArgumentException ex) {
			String name = (details instanceof PropertiesBitcoinRpcConnectionDetails) ? bundleName : null;
			throw invalidDetail(details, "ssl.bundle", name,
					"The bundle's options are refused (spring.ssl.bundle.*.options): " + ex.getMessage());
		}
		return tls.build();
	}

	private static void applyProxy(ClientOptions.Builder builder, BitcoinRpcProperties.Proxy proxy) {
		String host = proxy.getHost();
		Integer port = proxy.getPort();
		boolean hasUser = StringUtils.hasLength(proxy.getUser());
		boolean hasPassword = StringUtils.hasLength(proxy.getPassword());
		if (!StringUtils.hasText(host)) {
			if (port != null || hasUser || hasPassword) {
				throw invalid("proxy.host", host, "Must be set when other " + PREFIX + "proxy.* properties are");
			}
			return;
		}
		if (port == null) {
			throw invalid("proxy.port", null, "Must be set when " + PREFIX + "proxy.host is set");
		}
		if (port < 1 || port > 65535) {
			throw invalid("proxy.port", port, "Must be between 1 and 65535");
		}
		if (hasUser && !hasPassword) {
			throw invalid("proxy.password", null, "Must be set when " + PREFIX + "proxy.user is set");
		}
		if (hasPassword && !hasUser) {
			throw invalid("proxy.user", null, "Must be set when " + PREFIX + "proxy.password is set");
		}
		if (UserInfo.present(host)) {
			throw new MaskedPropertyValueException(PREFIX + "proxy.host", withoutUserInfo(host),
					"Must be a host name or address; set " + PREFIX + "proxy.user and " + PREFIX
							+ "proxy.password for the proxy's login");
		}
		ProxyOptions options = ProxyOptions.socks5(host.trim(), port);
		builder.proxy(hasUser ? options.withCredentials(proxy.getUser(), proxy.getPassword()) : options);
	}

	private static int maxResponseSize(DataSize size) {
		if (size == null || size.toBytes() < 1024 || size.toBytes() > Integer.MAX_VALUE) {
			throw invalid("max-response-size", size, "Must be between 1KB and " + Integer.MAX_VALUE + "B");
		}
		return (int) size.toBytes();
	}

	private static int sendBufferLimit(@Nullable DataSize size) {
		if (size == null || size.toBytes() < 1 || size.toBytes() > Integer.MAX_VALUE) {
			throw invalid("send-buffer-limit", size, "Must be between 1B and " + Integer.MAX_VALUE + "B");
		}
		return (int) size.toBytes();
	}

	private static int atLeastOne(int value, String name) {
		if (value < 1) {
			throw invalid(name, value, "Must be at least 1");
		}
		return value;
	}

	private static JsonRpcVersion jsonRpcVersion(@Nullable String text) {
		String value = (text != null) ? text.trim() : "";
		for (JsonRpcVersion version : JsonRpcVersion.values()) {
			if (version.text().equals(value) || version.name().equalsIgnoreCase(value)) {
				return version;
			}
		}
		throw invalid("json-rpc-version", text, "Must be '1.0' or '2.0'");
	}

	private static void applyWallet(ClientOptions.Builder builder, @Nullable String wallet, String url) {
		if (wallet == null || wallet.isEmpty()) {
			// Unset (or set to nothing, as '${WALLET:}' gives): calls go to the node's root.
			return;
		}
		String scheme = url.trim().substring(0, Math.max(0, url.trim().indexOf(':')));
		if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
			throw invalid("wallet", wallet, "Needs an http:// or https:// " + PREFIX
					+ "url: Bitcoin Core serves wallets at /wallet/<name>, btcd's websocket has none");
		}
		builder.wallet(wallet);
	}

	private static void applyResendPolicy(ClientOptions.Builder builder, BitcoinRpcProperties properties) {
		BitcoinRpcProperties.ResendPolicy policy = properties.getResendPolicy();
		if (policy == null) {
			throw invalid("resend-policy", null, "Must be set");
		}
		List<String> methods = (properties.getResendSafeMethods() != null) ? properties.getResendSafeMethods()
				: List.of();
		Set<String> safe = new LinkedHashSet<>();
		for (int i = 0; i < methods.size(); i++) {
			String method = methods.get(i);
			if (!StringUtils.hasText(method)) {
				throw invalid("resend-safe-methods[" + i + "]", method, "Must not be blank");
			}
			safe.add(method.trim().toLowerCase(Locale.ROOT));
		}
		if (policy == BitcoinRpcProperties.ResendPolicy.NEVER) {
			if (!safe.isEmpty()) {
				throw invalid("resend-safe-methods", String.join(",", safe), "Must be empty when " + PREFIX
						+ "resend-policy is 'never'");
			}
			builder.resendPolicy(ResendPolicy.never());
			return;
		}
		// The core's own default instance when nothing is added, so default options compare equal.
		builder.resendPolicy(safe.isEmpty() ? ResendPolicy.readOnlyCalls() : ResendPolicy.readOnlyCallsAnd(safe));
	}

	private static void applyReconnect(ClientOptions.Builder builder, BitcoinRpcProperties.Reconnect reconnect) {
		builder.reconnect(reconnect.isEnabled());
		builder.queueTimeout(positive(reconnect.getQueueTimeout(), "reconnect.queue-timeout"));
		if (reconnect.getDisconnectedBehavior() == null) {
			throw invalid("reconnect.disconnected-behavior", null, "Must be set");
		}
		builder.disconnectedBehavior(reconnect.getDisconnectedBehavior());
		Duration initial = positive(reconnect.getInitialDelay(), "reconnect.initial-delay");
		Duration max = positive(reconnect.getMaxDelay(), "reconnect.max-delay");
		if (max.compareTo(initial) < 0) {
			throw invalid("reconnect.max-delay", max, "Must not be shorter than " + PREFIX + "reconnect.initial-delay ("
					+ initial + ")");
		}
		boolean coreDefault = reconnect.getPolicy() == BitcoinRpcProperties.Reconnect.Policy.LINEAR
				&& initial.equals(ClientOptions.DEFAULT_RECONNECT_INITIAL_DELAY)
				&& max.equals(ClientOptions.DEFAULT_RECONNECT_MAX_DELAY);
		if (coreDefault) {
			// Leave the core's own default instance, so default options compare equal to the core's.
			return;
		}
		builder.reconnectDelay(switch (reconnect.getPolicy()) {
			case LINEAR -> Delay.linear(initial, max);
			case EXPONENTIAL -> Delay.exponentialWithJitter(initial, max);
		});
	}

	private static void applyKeepalive(ClientOptions.Builder builder, BitcoinRpcProperties.Keepalive keepalive) {
		Duration interval = keepalive.getInterval();
		if (interval == null || interval.isNegative()) {
			throw invalid("keepalive.interval", interval, "Must not be negative (zero turns keep-alive off)");
		}
		builder.keepAliveInterval(interval);
		builder.keepAliveTimeout(positive(keepalive.getTimeout(), "keepalive.timeout"));
	}

	/**
	 * Checks the notification properties against the client's transport and parses the outpoints.
	 * {@code notifications.blocks} is fine over HTTP: there the chain follower
	 * ({@code bitcoin.rpc.follow.*}) gives the block events, by polling or woken by ZMQ.
	 * @param notifications the properties
	 * @param mode the transport of the client that will subscribe
	 * @return the outpoints to watch
	 */
	static List<OutPoint> checkNotifications(BitcoinRpcProperties.Notifications notifications, TransportMode mode) {
		if (mode != TransportMode.WEBSOCKET) {
			String name = (notifications.getTransactions() != BitcoinRpcProperties.Notifications.Transactions.NONE)
					? "notifications.transactions" : !notifications.getAddresses().isEmpty() ? "notifications.addresses"
							: !notifications.getOutpoints().isEmpty() ? "notifications.outpoints" : null;
			if (name != null) {
				throw invalid(name, null,
						"Notifications need a websocket URL (ws:// or wss://); the client uses HTTP POST "
								+ "(only notifications.blocks works over HTTP, through the chain follower)");
			}
		}
		List<String> addresses = notifications.getAddresses();
		for (int i = 0; i < addresses.size(); i++) {
			if (!StringUtils.hasText(addresses.get(i))) {
				throw invalid("notifications.addresses[" + i + "]", addresses.get(i), "Must not be blank");
			}
		}
		List<OutPoint> outpoints = new ArrayList<>();
		List<String> texts = notifications.getOutpoints();
		for (int i = 0; i < texts.size(); i++) {
			outpoints.add(outpoint(texts.get(i), "notifications.outpoints[" + i + "]"));
		}
		return List.copyOf(outpoints);
	}

	private static OutPoint outpoint(@Nullable String text, String name) {
		String reason = "Must be 'txid:index', a 64-digit hex transaction id and an output index from 0";
		if (text == null) {
			throw invalid(name, null, reason);
		}
		int colon = text.lastIndexOf(':');
		if (colon < 0) {
			throw invalid(name, text, reason);
		}
		String txid = text.substring(0, colon).trim();
		String index = text.substring(colon + 1).trim();
		if (!TXID.matcher(txid).matches() || index.isEmpty() || !index.chars().allMatch(Character::isDigit)) {
			throw invalid(name, text, reason);
		}
		try {
			return new OutPoint(txid, Integer.parseInt(index));
		}
		catch (NumberFormatException ex) {
			throw invalid(name, text, reason);
		}
	}

	private static Duration positive(@Nullable Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(name, value, "Must be a positive duration");
		}
		return value;
	}

	/** An error about a connection detail: a property when the details come from the properties. */
	/**
	 * The number of I/O threads {@code bitcoin.rpc.io-threads} asks for, or its default.
	 * @throws InvalidConfigurationPropertyValueException when it is below 1
	 */
	static int ioThreads(BitcoinRpcProperties properties) {
		Integer threads = properties.getIoThreads();
		if (threads == null) {
			return Math.min(2, Runtime.getRuntime().availableProcessors());
		}
		if (threads < 1) {
			throw invalid("io-threads", threads, "Must be at least 1");
		}
		return threads;
	}

	private static RuntimeException invalidDetail(BitcoinRpcConnectionDetails details, String name,
			@Nullable Object value, @Nullable String reason) {
		if (details instanceof PropertiesBitcoinRpcConnectionDetails) {
			return invalid(name, value, reason);
		}
		return new IllegalStateException("The " + BitcoinRpcConnectionDetails.class.getSimpleName() + " bean "
				+ details.getClass().getName() + " has an invalid " + name
				+ ((value != null) ? " '" + value + "'" : "") + ": " + reason);
	}

	private static InvalidConfigurationPropertyValueException invalid(String name, @Nullable Object value,
			@Nullable String reason) {
		return new InvalidConfigurationPropertyValueException(PREFIX + name, value, String.valueOf(reason));
	}

	/**
	 * The URL with any user info masked, for messages.
	 * @param url a URL, maybe malformed
	 * @return the URL without credentials
	 */
	static String withoutUserInfo(String url) {
		return UserInfo.mask(url);
	}

}
