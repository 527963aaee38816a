package org.yiwang.auction.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.yiwang.auction.AuctionView;
import org.yiwang.auction.LiveAuctionUpdated;

import tools.jackson.databind.json.JsonMapper;

/**
 * The watchers of each auction's live page, by server-sent events. Each update is serialised once and written to
 * every watcher off the auction's writer thread; a watcher that cannot be written to is dropped (its browser
 * reconnects by itself and gets the whole state again).
 */
@Component
class LiveFeed {

	/** Watchers reconnect after this; EventSource does it by itself. */
	static final long TIMEOUT_MS = 10 * 60 * 1000L;

	private final Map<UUID, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();

	private final ExecutorService senders = Executors.newFixedThreadPool(2, r -> {
		Thread t = new Thread(r, "auction-live-feed");
		t.setDaemon(true);
		return t;
	});

	private final JsonMapper json;

	LiveFeed(JsonMapper json) {
		this.json = json;
	}

	/** A new watcher gets the state at once (also after a reconnect), then every update. */
	SseEmitter watch(AuctionView now) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
		Set<SseEmitter> set = watchers.computeIfAbsent(now.listing(), id -> ConcurrentHashMap.newKeySet());
		set.add(emitter);
		Runnable remove = () -> set.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(e -> remove.run());
		try {
			emitter.send(SseEmitter.event().name("state").data(json.writeValueAsString(now), MediaType.APPLICATION_JSON)
				.reconnectTime(1000));
		}
		catch (IOException e) {
			set.remove(emitter);
		}
		return emitter;
	}

	int watching(UUID auction) {
		return watchers.getOrDefault(auction, Set.of()).size();
	}

	@EventListener
	void on(LiveAuctionUpdated update) {
		Set<SseEmitter> set = watchers.get(update.view().listing());
		if (set == null || set.isEmpty()) {
			return;
		}
		String data = json.writeValueAsString(update.view());
		senders.execute(() -> {
			for (SseEmitter emitter : set) {
				try {
					emitter.send(SseEmitter.event().name("state").data(data, MediaType.APPLICATION_JSON));
				}
				catch (IOException | IllegalStateException e) {
					set.remove(emitter);
				}
			}
		});
	}
}
