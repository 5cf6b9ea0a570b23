package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Records every event in order, and waits for the ones a test expects. */
final class RecordingListener implements BitcoinEventListener {

	private final List<BitcoinEvent> events = new CopyOnWriteArrayList<>();

	@Override
	public void onEvent(BitcoinEvent event) {
		this.events.add(event);
	}

	List<BitcoinEvent> events() {
		return List.copyOf(this.events);
	}

	<E extends BitcoinEvent> List<E> events(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<E extends BitcoinEvent> List<E> awaitCount(Class<E> type, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> events(type).size() >= count);
		return events(type);
	}

	<E extends BitcoinEvent> E awaitFirst(Class<E> type, Predicate<E> matching) {
		await().atMost(Duration.ofSeconds(30)).until(() -> events(type).stream().anyMatch(matching));
		return events(type).stream().filter(matching).findFirst().orElseThrow();
	}

}
