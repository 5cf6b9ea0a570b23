package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A value of btcd's {@code version} (btcd only), keyed there by API name ({@code btcdjsonrpcapi}):
 * the version of btcd's JSON-RPC API, not of btcd itself.
 *
 * @param versionString the version as text, e.g. {@code 1.3.0}
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 * @param prerelease the pre-release tag, {@code ""} for a release
 * @param buildMetadata the build metadata, usually {@code ""}
 */
public record BtcdApiVersion(@JsonProperty("versionstring") String versionString, int major, int minor, int patch,
		String prerelease, @JsonProperty("buildmetadata") String buildMetadata) {
}
