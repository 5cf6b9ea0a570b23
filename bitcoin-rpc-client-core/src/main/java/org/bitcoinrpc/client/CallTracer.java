package org.bitcoinrpc.client;

import org.jspecify.annotations.Nullable;

/**
 * Traces every call from the moment it is made to its completion, for tracing and timing
 * (Micrometer's Observation API plugs in here through the Spring Boot starter). Set one with
 * {@link ClientOptions.Builder#callTracer(CallTracer)}; without one the client does no tracing
 * work at all.
 * <p>
 * {@link #start} runs on the thread that makes the call, before the call is handed to the
 * connection, so whatever that thread holds (a tracing context, an open observation scope) can
 * become the call's parent. {@link Span#end} runs once, on the thread that completed the call
 * (often an I/O thread): it must be quick and must not block. Each call of a batch is traced on
 * its own. An exception thrown by either method is logged and does not affect the call.
 */
@FunctionalInterface
public interface CallTracer {

	/**
	 * A call is being made.
	 * @param call what is known of it now
	 * @return the call's span, ended when the call completes
	 */
	Span start(CallInfo call);

	/** One call's trace, ended exactly once. */
	@FunctionalInterface
	interface Span {

		/**
		 * The call completed.
		 * @param outcome how it ended
		 * @param failure why it failed ({@code CompletionException} unwrapped), or {@code null}
		 * when it succeeded
		 */
		void end(CallOutcome outcome, @Nullable Throwable failure);

	}

}
