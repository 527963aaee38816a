package org.yiwang.tendering.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yiwang.system.ClusterFeed;
import org.yiwang.system.ClusterNotified;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.yiwang.tendering.OpeningChanged;

/**
 * The watchers of each section's opening hall, by server-sent events. An event says only that the hall changed: each
 * watcher's page then fetches the hall again with its own session, so everyone sees exactly what they may see. A
 * watcher that cannot be written to is dropped; its browser reconnects by itself and fetches the hall again.
 */
@Component
class OpeningFeed {

	static final long TIMEOUT_MS = 10 * 60 * 1000L;

	private final Map<UUID, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();

	static final String RELAYED = "opening";

	private final ClusterFeed feed;

	OpeningFeed(ClusterFeed feed) {
		this.feed = feed;
	}

	private final ExecutorService senders = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "tendering-opening-feed");
		t.setDaemon(true);
		return t;
	});

	SseEmitter watch(UUID section) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
		Set<SseEmitter> set = watchers.computeIfAbsent(section, id -> ConcurrentHashMap.newKeySet());
		set.add(emitter);
		Runnable remove = () -> set.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(e -> remove.run());
		try {
			// on every (re)connect: fetch the hall, in case something changed while the connection was down
			emitter.send(SseEmitter.event().name("changed").data("connected").reconnectTime(1000));
		}
		catch (IOException e) {
			set.remove(emitter);
		}
		return emitter;
	}

	int watching(UUID section) {
		return watchers.getOrDefault(section, Set.of()).size();
	}

	/**
	 * Ends every stream when the platform shuts down, before the web server's graceful shutdown waits for open
	 * requests (an event stream never ends by itself, so each one held the shutdown for 30 s); browsers reconnect by
	 * themselves, to the platform started next.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		watchers.values().forEach(set -> set.forEach(SseEmitter::complete));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(OpeningChanged change) {
		// The watchers on the cluster's other nodes hear it through PostgreSQL (docs/cluster.md).
		feed.tell(RELAYED, change.section().value() + " " + change.action());
		push(change.section().value(), change.action());
	}

	/** A change relayed from another node: the section's id, a space and the action, as {@link #on} told it. */
	@EventListener
	void relayed(ClusterNotified notice) {
		if (!RELAYED.equals(notice.topic())) {
			return;
		}
		int space = notice.key().indexOf(' ');
		if (space > 0) {
			push(UUID.fromString(notice.key().substring(0, space)), notice.key().substring(space + 1));
		}
	}

	private void push(UUID section, String data) {
		Set<SseEmitter> set = watchers.get(section);
		if (set == null || set.isEmpty()) {
			return;
		}
		senders.execute(() -> {
			for (SseEmitter emitter : set) {
				try {
					emitter.send(SseEmitter.event().name("changed").data(data));
				}
				catch (IOException | IllegalStateException e) {
					set.remove(emitter);
				}
			}
		});
	}
}
