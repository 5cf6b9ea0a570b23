package org.bitcoinrpc.client.transport;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Host} header the HTTP transport sends, computed once per transport: the value RFC 9110
 * asks for (the scheme's default port left out), as Jetty and HttpURLConnection derive it.
 */
class HttpPostTransportTests {

	@Test
	void hostLeavesOutTheSchemesDefaultPort() {
		assertThat(HttpPostTransport.authority(URI.create("http://node/"))).isEqualTo("node");
		assertThat(HttpPostTransport.authority(URI.create("http://node:80/"))).isEqualTo("node");
		assertThat(HttpPostTransport.authority(URI.create("https://node:443/wallet/w"))).isEqualTo("node");
		assertThat(HttpPostTransport.authority(URI.create("HTTPS://node"))).isEqualTo("node");
	}

	@Test
	void hostKeepsAnyOtherPort() {
		assertThat(HttpPostTransport.authority(URI.create("http://127.0.0.1:8332"))).isEqualTo("127.0.0.1:8332");
		assertThat(HttpPostTransport.authority(URI.create("https://node:8332/"))).isEqualTo("node:8332");
		assertThat(HttpPostTransport.authority(URI.create("http://node:443/"))).isEqualTo("node:443");
		assertThat(HttpPostTransport.authority(URI.create("https://node:80/"))).isEqualTo("node:80");
	}

	@Test
	void hostKeepsIpv6Brackets() {
		assertThat(HttpPostTransport.authority(URI.create("http://[::1]:18443/"))).isEqualTo("[::1]:18443");
		assertThat(HttpPostTransport.authority(URI.create("http://[::1]/"))).isEqualTo("[::1]");
	}

}
