package org.bitcoinrpc.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The probe call an HTTP client sends at connect ({@code getblockcount} with id 0), for WireMock
 * tests whose subject is what comes after it: a stub that answers it ahead of the test's own
 * stubs, and request patterns that leave it out of the counts.
 */
final class NodeProbe {

	/** How the probe's id appears in its body: the client's own calls start at id 1. */
	private static final String PROBE_ID = "\"id\":0,";

	private NodeProbe() {
	}

	/** Answers the probe as a node would, whatever else the test stubs for {@code /}. */
	static void answer(WireMockExtension server) {
		server.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing(PROBE_ID))
			.willReturn(aResponse().withStatus(200).withBody("{\"result\":0,\"error\":null,\"id\":0}\n")));
	}

	/** POSTs to {@code url} other than the probe. */
	static RequestPatternBuilder callsTo(String url) {
		return postRequestedFor(urlEqualTo(url)).withRequestBody(notContaining(PROBE_ID));
	}

}
