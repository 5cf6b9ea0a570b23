package org.bitcoinrpc.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.SimulatedNodeExtension;
import org.bitcoinrpc.test.socks.Socks5TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both transports through a SOCKS5 proxy with per-client credentials, to a {@code .onion} name
 * that only the proxy can resolve: the proxy must receive the name (address type 3) and this JVM
 * must never have looked it up.
 */
class Socks5ProxyTests {

	private static final int ONION_PORT = 18556;

	@RegisterExtension
	static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(
			SimulatedNode.builder().user("rpcuser").password("rpcpass").connectionClose(false));

	private Socks5TestServer proxy;

	private BitcoinRpcClient client;

	@BeforeEach
	void startProxy() {
		this.proxy = null;
	}

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close();
		}
		if (this.proxy != null) {
			this.proxy.close();
		}
	}

	private Socks5TestServer proxy(String onion) {
		this.proxy = Socks5TestServer.builder()
			.credentials("tor-user", "tor-pass")
			.route(onion, ONION_PORT, new InetSocketAddress("127.0.0.1", NODE.node().port()))
			.build()
			.start();
		return this.proxy;
	}

	private BitcoinRpcClient client(String url, String proxyPassword) {
		this.client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(url)
			.credentials("rpcuser", "rpcpass")
			.proxy(ProxyOptions.socks5("127.0.0.1", this.proxy.port()).withCredentials("tor-user", proxyPassword))
			.reconnectDelay(Delay.constant(java.time.Duration.ofMillis(20)))
			.build());
		return this.client;
	}

	@ParameterizedTest
	@ValueSource(strings = { "http", "ws" })
	void callsGoThroughTheProxyByNameWithoutALocalLookup(String scheme) {
		String onion = scheme + "2xtbh7xd3mdk6jp5vw6n4rslpikuzlfwqyrrasqgwzxnrycgynk5ad.onion";
		Socks5TestServer proxy = proxy(onion);
		String path = scheme.equals("ws") ? "/ws" : "/";
		BitcoinRpcClient client = client(scheme + "://" + onion + ":" + ONION_PORT + path, "tor-pass");
		client.connect();

		java.util.List<String> mined = NODE.node().generate(1);
		assertThat(client.getBestBlockHash()).isEqualTo(mined.get(0));
		assertThat(proxy.connects()).isNotEmpty().allSatisfy((connect) -> {
			assertThat(connect.addressType()).isEqualTo(Socks5TestServer.ConnectRecord.DOMAIN);
			assertThat(connect.host()).isEqualTo(onion);
			assertThat(connect.port()).isEqualTo(ONION_PORT);
			assertThat(connect.username()).isEqualTo("tor-user");
			assertThat(connect.password()).isEqualTo("tor-pass");
		});
		assertThat(DnsLookupProbe.wasLookedUp(onion)).as("local lookup of " + onion).isFalse();
	}

	@Test
	void theProbeSeesALookupWhenOneHappens() {
		String name = "probe-control-7f3a.onion";
		assertThat(DnsLookupProbe.wasLookedUp(name)).isFalse();
		assertThatThrownBy(() -> InetAddress.getByName(name)).isInstanceOf(UnknownHostException.class);
		assertThat(DnsLookupProbe.wasLookedUp(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http", "ws" })
	void wrongProxyPasswordIsAConnectionErrorAndNothingReachesTheNode(String scheme) {
		String onion = scheme + "badproxyauthxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion";
		Socks5TestServer proxy = proxy(onion);
		long before = NODE.node().totalRequests();
		BitcoinRpcClient client = client(scheme + "://" + onion + ":" + ONION_PORT + (scheme.equals("ws") ? "/ws" : "/"),
				"wrong");
		assertThatThrownBy(() -> {
			client.connect();
			client.getBlockCount();
		}).isInstanceOf(RpcConnectionException.class).hasMessageNotContaining("wrong").hasMessageNotContaining("rpcpass");
		assertThat(proxy.authFailures()).isPositive();
		assertThat(proxy.connects()).isEmpty();
		assertThat(NODE.node().totalRequests()).isEqualTo(before);
	}

}
