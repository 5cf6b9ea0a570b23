package org.bitcoinrpc.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.spring.event.BitcoinRpcEvent;

import org.springframework.context.ApplicationListener;

/**
 * Records every {@link BitcoinRpcEvent} the application publishes, from whatever thread, and
 * waits for the one a test expects. Spring's {@code @RecordApplicationEvents} cannot: it records
 * the events published on the test's own thread, and the starter publishes on the client's event
 * thread.
 *
 * <pre>{@code
 * int height = node.blockCount() + 1;
 * node.generate(1);
 * BlockConnectedEvent event = events.await(BlockConnectedEvent.class, (e) -> e.getPayload().height() == height);
 * }</pre>
 *
 * A wait looks at every event recorded since the last {@link #clear()}, so an event that came
 * before the call is found too; it blocks on a condition signalled by each new event, never
 * sleeps, and fails after its timeout with an {@link AssertionError} listing what was recorded.
 * {@link AutoConfigureSimulatedBitcoinNode} registers one; any test may declare one as a bean.
 * When the application context is cached across tests, {@link BitcoinRpcEventsTestExecutionListener}
 * clears it after each test method, so a test sees the events since the previous one ended (or
 * since the context started). Thread-safe.
 */
public class BitcoinRpcEvents implements ApplicationListener<BitcoinRpcEvent<?>> {

	/** How long {@link #await(Class, Predicate)} waits. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** How many of the recorded events a failure message lists, the latest ones. */
	private static final int LISTED = 30;

	/** Guards {@link #events}; {@link #recorded} is signalled on each new event. */
	private final ReentrantLock lock = new ReentrantLock();

	private final Condition recorded = this.lock.newCondition();

	/** Since the last clear, oldest first. Guarded by {@link #lock}. */
	private final List<BitcoinRpcEvent<?>> events = new ArrayList<>();

	/** How many times {@link #events} was cleared. Guarded by {@link #lock}. */
	private long generation;

	@Override
	public void onApplicationEvent(BitcoinRpcEvent<?> event) {
		this.lock.lock();
		try {
			this.events.add(event);
			this.recorded.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public boolean supportsAsyncExecution() {
		// Recorded on the publishing thread, in the order published, even with an executor on the multicaster.
		return false;
	}

	/**
	 * The events recorded since the last {@link #clear()}, oldest first.
	 * @return a copy of the events
	 */
	public List<BitcoinRpcEvent<?>> events() {
		this.lock.lock();
		try {
			return List.copyOf(this.events);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The recorded events of a type, oldest first.
	 * @param <T> the event type
	 * @param type the event class, such as {@code BlockConnectedEvent.class}
	 * @return the events of that type
	 */
	public <T extends BitcoinRpcEvent<?>> List<T> events(Class<T> type) {
		return events().stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * The payloads of the recorded events of a payload type, oldest first.
	 * @param <P> the payload type
	 * @param payloadType the client's event class, such as {@code Notification.BlockConnected.class}
	 * @return the payloads of that type
	 */
	public <P extends BitcoinEvent> List<P> payloads(Class<P> payloadType) {
		return events().stream()
			.map(BitcoinRpcEvent::getPayload)
			.filter(payloadType::isInstance)
			.map(payloadType::cast)
			.toList();
	}

	/** Forgets every recorded event. */
	public void clear() {
		this.lock.lock();
		try {
			this.events.clear();
			this.generation++;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The first event of a type recorded since the last {@link #clear()}, waiting up to
	 * {@link #DEFAULT_TIMEOUT} for it.
	 * @param <T> the event type
	 * @param type the event class
	 * @return the event
	 * @throws AssertionError if none came in time
	 */
	public <T extends BitcoinRpcEvent<?>> T await(Class<T> type) {
		return await(type, (event) -> true, DEFAULT_TIMEOUT);
	}

	/**
	 * The first event of a type that matches a condition, waiting up to {@link #DEFAULT_TIMEOUT}.
	 * @param <T> the event type
	 * @param type the event class
	 * @param condition what the event must satisfy
	 * @return the event
	 * @throws AssertionError if none came in time
	 */
	public <T extends BitcoinRpcEvent<?>> T await(Class<T> type, Predicate<? super T> condition) {
		return await(type, condition, DEFAULT_TIMEOUT);
	}

	/**
	 * The first event of a type that matches a condition, recorded since the last {@link #clear()}
	 * or arriving within the timeout.
	 * @param <T> the event type
	 * @param type the event class
	 * @param condition what the event must satisfy
	 * @param timeout how long to wait
	 * @return the event
	 * @throws AssertionError if none came in time, listing the events recorded
	 */
	public <T extends BitcoinRpcEvent<?>> T await(Class<T> type, Predicate<? super T> condition, Duration timeout) {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(condition, "condition");
		return type.cast(awaitMatch((event) -> type.isInstance(event) && condition.test(type.cast(event)),
				type.getSimpleName(), timeout));
	}

	/**
	 * The payload of the first event whose payload is of a type and matches a condition, waiting up
	 * to {@link #DEFAULT_TIMEOUT}: for events without a named class, such as
	 * {@code Notification.RescanFinished}.
	 * @param <P> the payload type
	 * @param payloadType the client's event class
	 * @param condition what the payload must satisfy
	 * @return the payload
	 * @throws AssertionError if none came in time
	 */
	public <P extends BitcoinEvent> P awaitPayload(Class<P> payloadType, Predicate<? super P> condition) {
		return awaitPayload(payloadType, condition, DEFAULT_TIMEOUT);
	}

	/**
	 * The payload of the first event whose payload is of a type and matches a condition.
	 * @param <P> the payload type
	 * @param payloadType the client's event class
	 * @param condition what the payload must satisfy
	 * @param timeout how long to wait
	 * @return the payload
	 * @throws AssertionError if none came in time, listing the events recorded
	 */
	public <P extends BitcoinEvent> P awaitPayload(Class<P> payloadType, Predicate<? super P> condition,
			Duration timeout) {
		Objects.requireNonNull(payloadType, "payloadType");
		Objects.requireNonNull(condition, "condition");
		BitcoinRpcEvent<?> event = awaitMatch((candidate) -> payloadType.isInstance(candidate.getPayload())
				&& condition.test(payloadType.cast(candidate.getPayload())),
				"event with a " + payloadType.getSimpleName() + " payload", timeout);
		return payloadType.cast(event.getPayload());
	}

	private BitcoinRpcEvent<?> awaitMatch(Predicate<BitcoinRpcEvent<?>> matches, String what, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		this.lock.lock();
		try {
			int checked = 0;
			long generation = this.generation;
			while (true) {
				// Only the events not looked at yet: after a clear() meanwhile, from the first again.
				if (generation != this.generation) {
					generation = this.generation;
					checked = 0;
				}
				for (; checked < this.events.size(); checked++) {
					BitcoinRpcEvent<?> event = this.events.get(checked);
					if (matches.test(event)) {
						return event;
					}
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw new AssertionError(failure(what, timeout));
				}
				this.recorded.awaitNanos(remaining);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for a " + what, ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Under {@link #lock}. */
	private String failure(String what, Duration timeout) {
		StringBuilder message = new StringBuilder("No ").append(what)
			.append(" matching the condition within ")
			.append(timeout)
			.append("; recorded since the last clear: ")
			.append(this.events.size())
			.append(" event(s)");
		int from = Math.max(0, this.events.size() - LISTED);
		if (from > 0) {
			message.append(", the last ").append(LISTED);
		}
		message.append(this.events.isEmpty() ? "" : ":");
		for (BitcoinRpcEvent<?> event : this.events.subList(from, this.events.size())) {
			message.append("\n  ").append(event);
		}
		return message.toString();
	}

}
