package org.bitcoinrpc.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bitcoinrpc.client.model.DescriptorImport;
import org.bitcoinrpc.client.model.DescriptorImportResult;

/**
 * Core's {@code importdescriptors}: one result per request, in order. The call succeeds even when
 * some or all requests failed (a wrong checksum, a private key in a watch-only wallet): check
 * {@link #allSucceeded()}, or read {@link #failures()}, or let {@link #requireAllSucceeded()} throw.
 * In the root package, not {@code model}, because a failure names its code through
 * {@link RpcErrorCode} and becomes the {@link RpcErrorException} Core would have sent for it.
 *
 * @param requests the requests, as sent
 * @param results Core's result for each request, same order
 */
public record ImportDescriptorsResult(List<DescriptorImport> requests, List<DescriptorImportResult> results) {

	/**
	 * Checks there is a result for every request.
	 */
	public ImportDescriptorsResult {
		requests = List.copyOf(Objects.requireNonNull(requests, "requests must not be null"));
		results = List.copyOf(Objects.requireNonNull(results, "results must not be null"));
		if (requests.size() != results.size()) {
			throw new RpcProtocolException("importdescriptors returned " + results.size() + " results for "
					+ requests.size() + " requests");
		}
	}

	/** @return whether every descriptor was imported */
	public boolean allSucceeded() {
		return this.results.stream().allMatch(DescriptorImportResult::success);
	}

	/** @return the requests that failed, with their errors; empty when all succeeded */
	public List<Failure> failures() {
		List<Failure> failures = new ArrayList<>();
		for (int i = 0; i < this.results.size(); i++) {
			DescriptorImportResult result = this.results.get(i);
			if (!result.success()) {
				DescriptorImportResult.Error error = result.error();
				// Core always sends an error with success:false; a reply without one is still a failure.
				failures.add(new Failure(i,
						(error != null) ? error.code() : RpcErrorCode.MISC_ERROR,
						(error != null) ? error.message() : "no error given"));
			}
		}
		return List.copyOf(failures);
	}

	/**
	 * @return this, when every descriptor was imported
	 * @throws RpcErrorException the first failure as the exception Core would have sent for it
	 * (e.g. {@link RpcInvalidAddressOrKeyException} for a wrong checksum), the others suppressed
	 */
	public ImportDescriptorsResult requireAllSucceeded() {
		List<Failure> failures = failures();
		if (failures.isEmpty()) {
			return this;
		}
		RpcErrorException first = failures.get(0).toException();
		failures.stream().skip(1).map(Failure::toException).forEach(first::addSuppressed);
		throw first;
	}

	/**
	 * One request that failed.
	 *
	 * @param index its index in {@link #requests()} (the descriptor is not repeated here: it may hold
	 * a private key, which must not reach a message or a log)
	 * @param code the RPC error code (see {@link RpcErrorCode})
	 * @param message Core's message
	 */
	public record Failure(int index, int code, String message) {

		/** @return the name of the code's constant in {@link RpcErrorCode}, e.g. {@code INVALID_ADDRESS_OR_KEY} */
		public Optional<String> codeName() {
			return RpcErrorCode.nameOf(this.code);
		}

		/** @return the exception Core would have sent for this error as an RPC error */
		public RpcErrorException toException() {
			return RpcErrorException.of("importdescriptors", this.code,
					"request " + this.index + ": " + this.message);
		}

	}

}
