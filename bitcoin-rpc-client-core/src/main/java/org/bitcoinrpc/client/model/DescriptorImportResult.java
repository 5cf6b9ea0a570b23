package org.bitcoinrpc.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The reply to one request of Core's {@code importdescriptors}. A failed request is NOT an RPC
 * error: Core answers the call with {@code success: false} and the error inside, request by request
 * (see {@code ImportDescriptorsResult#failures()}).
 *
 * @param success whether the descriptor was imported
 * @param warnings warnings about it; Core leaves the member out when there are none
 * @param error why it was not imported, when {@code success} is false
 */
public record DescriptorImportResult(boolean success, @Nullable List<String> warnings, @Nullable Error error) {

	/**
	 * The error of a failed request, as an RPC error would carry it.
	 *
	 * @param code the RPC error code ({@code RpcErrorCode}), e.g. {@code -5} for a wrong checksum
	 * @param message Core's message
	 */
	public record Error(int code, String message) {
	}

}
