package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.bitcoinrpc.client.RpcRequestRejectedException;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcTimeoutException;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Timeouts through {@link PendingRequests}' one timer task, on a real scheduled executor set up as
 * the client sets up its own: every request times out or completes exactly once, a short timeout
 * is not held up by longer ones, and the timer holds no task while nothing is pending.
 */
class PendingRequestsTests {

	private static final String ENDPOINT = "http://127.0.0.1:18334/";

	private static final ObjectReader READER = JsonRpcCodec.defaultMapper().readerFor(Long.class);

	private final ScheduledThreadPoolExecutor timer = newTimer();

	@AfterEach
	void stopTimer() throws InterruptedException {
		this.timer.shutdownNow();
		assertThat(this.timer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
	}

	private static ScheduledThreadPoolExecutor newTimer() {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "pending-requests-tests-timer");
			thread.setDaemon(true);
			return thread;
		});
		timer.setRemoveOnCancelPolicy(true);
		return timer;
	}

	/** A request as it is once written to a connection. */
	private static PendingRequest<Long> request(long id, Duration timeout) {
		PendingRequest<Long> request = new PendingRequest<>(id, "getblockcount", List.of(), READER, timeout, null);
		request.claimWrite();
		return request;
	}

	/** Completes a request the way the reply router does: whoever removes it completes it. */
	private static boolean reply(PendingRequests pending, long id) {
		PendingRequest<?> removed = pending.remove(id);
		if (removed == null) {
			return false;
		}
		removed.complete(id);
		return true;
	}

	private static Throwable failure(CompletableFuture<?> future) throws Exception {
		try {
			future.get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (TimeoutException ex) {
			throw new AssertionError("The future did not complete: " + future, ex);
		}
		throw new AssertionError("The future succeeded: " + future);
	}

	@Test
	void aRequestTimesOutWithTheTimeoutError() throws Exception {
		PendingRequests pending = new PendingRequests(10, this.timer, ENDPOINT);
		PendingRequest<Long> request = request(7, Duration.ofMillis(30));
		pending.register(request);

		assertThat(failure(request.future())).isInstanceOf(RpcTimeoutException.class)
			.hasMessage("getblockcount (id 7) to " + ENDPOINT
					+ " timed out after 30 ms; it may or may not have run on the node");
		assertThat(pending.size()).isZero();
		assertThat(pending.remove(7)).isNull();
	}

	@Test
	void aRequestNeverWrittenFailsAtItsQueueDeadlineSayingItWasNotSent() throws Exception {
		PendingRequests pending = new PendingRequests(10, this.timer, ENDPOINT, () -> "Connection refused");
		PendingRequest<Long> waiting = new PendingRequest<>(8, "getblockcount", List.of(), READER, Duration.ofMinutes(5),
				Duration.ofMillis(40), null, null);
		long start = System.nanoTime();
		pending.register(waiting);

		assertThat(failure(waiting.future())).isExactlyInstanceOf(RpcConnectionException.class)
			.hasMessageStartingWith("getblockcount (id 8) was not sent to " + ENDPOINT + ": no connection within ")
			.hasMessageEndingWith(" ms (Connection refused)")
			.hasMessageNotContaining("may or may not");
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(40);
		assertThat(pending.size()).isZero();
		// It can no longer be written by a connection that comes up now.
		assertThat(waiting.claimWrite()).isFalse();
	}

	@Test
	void aRequestWrittenBeforeItsQueueDeadlineWaitsForItsCallDeadline() throws Exception {
		PendingRequests pending = new PendingRequests(10, this.timer, ENDPOINT);
		PendingRequest<Long> request = new PendingRequest<>(9, "getblockcount", List.of(), READER, Duration.ofMillis(200),
				Duration.ofMillis(20), null, null);
		pending.register(request);
		assertThat(request.claimWrite()).isTrue();

		assertThat(failure(request.future())).isInstanceOf(RpcTimeoutException.class)
			.hasMessageContaining("timed out after 200 ms; it may or may not have run");
	}

	@Test
	void aRequestResentAfterALostConnectionNeverClaimsItWasNotSent() throws Exception {
		PendingRequests pending = new PendingRequests(10, this.timer, ENDPOINT);
		PendingRequest<Long> request = new PendingRequest<>(10, "getblockcount", List.of(), READER, Duration.ofMillis(80),
				Duration.ofMillis(10), null, null);
		pending.register(request);
		assertThat(request.claimWrite()).isTrue();
		request.releaseAfterLoss();

		assertThat(failure(request.future())).isInstanceOf(RpcTimeoutException.class)
			.hasMessageContaining("may or may not have run");
	}

	@Test
	void aCompletedRequestNeverTimesOutLater() throws Exception {
		PendingRequests pending = new PendingRequests(10, this.timer, ENDPOINT);
		PendingRequest<Long> completed = request(1, Duration.ofMillis(20));
		pending.register(completed);
		assertThat(reply(pending, 1)).isTrue();
		// The timer task is still armed for the completed request's deadline; this later one times
		// out only after the task has run past that deadline.
		PendingRequest<Long> later = request(2, Duration.ofMillis(60));
		pending.register(later);

		assertThat(failure(later.future())).isInstanceOf(RpcTimeoutException.class);
		assertThat(completed.future().get()).isEqualTo(1L);
		assertThat(pending.size()).isZero();
		assertThat(pending.snapshot()).isEmpty();
	}

	@Test
	void aShortTimeoutRegisteredAfterManyLongOnesTimesOutFirst() throws Exception {
		PendingRequests pending = new PendingRequests(2_000, this.timer, ENDPOINT);
		List<PendingRequest<Long>> longOnes = new ArrayList<>();
		for (int id = 0; id < 1_000; id++) {
			PendingRequest<Long> request = request(id, Duration.ofHours(1));
			pending.register(request);
			longOnes.add(request);
		}
		PendingRequest<Long> shortOne = request(5_000, Duration.ofMillis(20));
		pending.register(shortOne);

		assertThat(failure(shortOne.future())).isInstanceOf(RpcTimeoutException.class)
			.hasMessageContaining("(id 5000)");
		assertThat(longOnes).noneMatch((request) -> request.future().isDone());
		assertThat(pending.size()).isEqualTo(1_000);
		// Armed again, once, for the long ones.
		assertThat(this.timer.getQueue()).hasSize(1);

		int failed = pending.failAll((request) -> new IllegalStateException("test over"));
		assertThat(failed).isEqualTo(1_000);
		assertThat(this.timer.getQueue()).isEmpty();
	}

	@Test
	void tenThousandRequestsWithMixedTimeoutsRacingRepliesEachCompleteExactlyOnce() throws Exception {
		int total = 10_000;
		PendingRequests pending = new PendingRequests(total, this.timer, ENDPOINT);
		Random random = new Random(42);
		List<PendingRequest<Long>> requests = new ArrayList<>(total);
		for (int id = 0; id < total; id++) {
			// A tenth is never answered, four tenths are answered long before their timeout, and half
			// race a timeout of a few milliseconds.
			Duration timeout = (id % 10 >= 1 && id % 10 <= 4) ? Duration.ofMinutes(1)
					: Duration.ofMillis(1 + random.nextInt(40));
			requests.add(request(id, timeout));
		}
		AtomicInteger replied = new AtomicInteger();
		AtomicInteger alreadyDone = new AtomicInteger();
		List<Thread> repliers = new ArrayList<>();
		for (int worker = 0; worker < 2; worker++) {
			int first = worker;
			repliers.add(new Thread(() -> {
				for (int id = first; id < total; id += 2) {
					if (id % 10 == 0) {
						continue;
					}
					PendingRequest<?> removed = pending.remove(id);
					if (removed != null) {
						if (removed.future().isDone()) {
							alreadyDone.incrementAndGet();
						}
						removed.complete((long) id);
						replied.incrementAndGet();
					}
					if (id % 500 < 2) {
						Thread.yield();
					}
				}
			}, "pending-requests-tests-replier-" + worker));
		}
		Thread registrar = new Thread(() -> requests.forEach(pending::register), "pending-requests-tests-registrar");
		registrar.start();
		registrar.join();
		repliers.forEach(Thread::start);
		for (Thread replier : repliers) {
			replier.join();
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> requests.stream().allMatch((r) -> r.future().isDone()));
		int succeeded = 0;
		int timedOut = 0;
		for (PendingRequest<Long> request : requests) {
			if (request.future().isCompletedExceptionally()) {
				assertThat(failure(request.future())).isInstanceOf(RpcTimeoutException.class);
				timedOut++;
			}
			else {
				assertThat(request.future().get()).isEqualTo(request.id());
				succeeded++;
			}
		}
		assertThat(alreadyDone).hasValue(0);
		assertThat(succeeded).isEqualTo(replied.get()).isGreaterThanOrEqualTo(4 * total / 10);
		assertThat(timedOut).isEqualTo(total - succeeded).isGreaterThanOrEqualTo(total / 10);
		assertThat(pending.size()).isZero();
		assertThat(pending.snapshot()).isEmpty();
	}

	@Test
	void nothingIsArmedWhileNothingIsPending() throws Exception {
		PendingRequests pending = new PendingRequests(10, this.timer, ENDPOINT);
		assertThat(this.timer.getQueue()).isEmpty();

		pending.register(request(1, Duration.ofMillis(40)));
		pending.register(request(2, Duration.ofMillis(40)));
		pending.register(request(3, Duration.ofMillis(50)));
		assertThat(this.timer.getQueue()).as("one task for all").hasSize(1);
		assertThat(reply(pending, 1) && reply(pending, 2) && reply(pending, 3)).isTrue();
		// Completions leave the task armed; when it runs it finds nothing and does not arm again.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.timer.getCompletedTaskCount() >= 1);
		assertThat(this.timer.getQueue()).isEmpty();

		PendingRequest<Long> timingOut = request(4, Duration.ofMillis(20));
		pending.register(timingOut);
		assertThat(this.timer.getQueue()).hasSize(1);
		assertThat(failure(timingOut.future())).isInstanceOf(RpcTimeoutException.class);
		assertThat(this.timer.getQueue()).isEmpty();

		pending.register(request(5, Duration.ofMinutes(1)));
		assertThat(this.timer.getQueue()).hasSize(1);
		assertThat(pending.failAll((request) -> new IllegalStateException("shutdown"))).isEqualTo(1);
		assertThat(this.timer.getQueue()).isEmpty();
		assertThat(pending.failAll((request) -> new IllegalStateException("shutdown"))).isZero();
	}

	@Test
	void aFullSetRejectsAndTracksNothing() {
		PendingRequests pending = new PendingRequests(2, this.timer, ENDPOINT);
		pending.register(request(1, Duration.ofMinutes(1)));
		pending.register(request(2, Duration.ofMinutes(1)));

		assertThatExceptionOfType(RpcRequestRejectedException.class).isThrownBy(() -> pending.register(request(3, Duration.ofMinutes(1))))
			.withMessageContaining("maxPendingRequests=2");
		assertThat(pending.size()).isEqualTo(2);
		assertThat(pending.remove(3)).isNull();
	}

	@Test
	void aStoppedTimerLeavesRequestsForFailAll() throws Exception {
		PendingRequests pending = new PendingRequests(10, this.timer, ENDPOINT);
		this.timer.shutdownNow();
		PendingRequest<Long> request = request(1, Duration.ofMillis(10));
		pending.register(request);
		pending.register(request(2, Duration.ofMillis(5)));

		assertThat(pending.failAll((each) -> new IllegalStateException("shut down"))).isEqualTo(2);
		assertThat(failure(request.future())).isInstanceOf(IllegalStateException.class).hasMessage("shut down");
	}

}
