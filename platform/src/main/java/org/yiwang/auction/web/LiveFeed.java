package org.yiwang.auction.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yiwang.auction.AuctionView;
import org.yiwang.auction.LiveAuctionUpdated;

import tools.jackson.databind.json.JsonMapper;

/**
 * The watchers of each auction's live page, by server-sent events. The auction's writer only hands the new state
 * over; a sender thread serialises it once into the bytes of one event and offers them to every watcher, the
 * watchers split in stripes written side by side, one thread a core (one thread wrote 5,000 watchers one after the
 * other: p99 285 ms beside 187 ms in stripes, a raw socket fan-out 86–92 ms, 100 bids to 5,000 watchers). Writes are
 * non-blocking (servlet {@link WriteListener}): a watcher whose connection cannot take more keeps only the latest
 * state, written when its connection drains, so one slow watcher never holds up the others, and a burst of bids
 * reaches everyone as its latest state (each state carries the price, the countdown, the ranking and the last bids).
 * A watcher whose connection fails is dropped; its browser reconnects by itself and gets the whole state again.
 */
@Component
class LiveFeed {

	/** Watchers reconnect after this; EventSource does it by itself. */
	static final long TIMEOUT_MS = 10 * 60 * 1000L;

	private final Map<UUID, Room> rooms = new ConcurrentHashMap<>();

	/** Watchers are written in this many stripes side by side: one a core. */
	static final int STRIPES = Math.max(1, Runtime.getRuntime().availableProcessors());

	/** Each sending room's own thread, which writes the first stripe and waits for the others. */
	private final ExecutorService senders = Executors.newFixedThreadPool(2, r -> {
		Thread t = new Thread(r, "auction-live-feed");
		t.setDaemon(true);
		return t;
	});

	/** The other stripes' writers; they never wait for anything, so the senders waiting for them cannot deadlock. */
	private final ExecutorService stripeWriters = Executors.newFixedThreadPool(Math.max(1, STRIPES - 1), r -> {
		Thread t = new Thread(r, "auction-live-feed-stripe");
		t.setDaemon(true);
		return t;
	});

	private final JsonMapper json;

	LiveFeed(JsonMapper json) {
		this.json = json;
	}

	/** One auction's watchers and the state waiting to be sent to them. */
	private final class Room {

		final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();

		final AtomicReference<AuctionView> next = new AtomicReference<>();

		final AtomicBoolean sending = new AtomicBoolean();

		/** Deals the watchers out to the stripes as they come. */
		final AtomicInteger dealt = new AtomicInteger();

		volatile AuctionView last;
	}

	/**
	 * Starts the event stream of a new watcher: the state at once (also after a reconnect), then every update. The
	 * response stays open (asynchronous) until the watcher leaves, fails, or {@link #TIMEOUT_MS} passes.
	 */
	void watch(AuctionView now, HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setContentType("text/event-stream");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Accel-Buffering", "no");
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(TIMEOUT_MS);
		Room room = rooms.computeIfAbsent(now.listing(), id -> new Room());
		Watcher watcher = new Watcher(room, async, response.getOutputStream());
		async.addListener(watcher);
		watcher.start(now, frame(now, "retry:1000\n"));
		room.watchers.add(watcher);
		// A state sent to the others since "now" was read (the sender notes it before offering it to anyone).
		AuctionView sent = room.last;
		if (sent != null && version(sent) > version(now)) {
			watcher.offer(sent, frame(sent, ""));
		}
	}

	int watching(UUID auction) {
		Room room = rooms.get(auction);
		return room == null ? 0 : room.watchers.size();
	}

	/**
	 * Ends every stream when the platform shuts down, before the web server's graceful shutdown waits for open
	 * requests: an event stream never ends by itself, so each one held the shutdown for its whole timeout (30 s).
	 * Browsers reconnect by themselves, to the platform started next.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		for (Room room : rooms.values()) {
			for (Watcher watcher : room.watchers) {
				synchronized (watcher) {
					watcher.close();
				}
			}
		}
	}

	/** On the auction's writer thread: only hands the state over. */
	@EventListener
	void on(LiveAuctionUpdated update) {
		Room room = rooms.get(update.view().listing());
		if (room == null || room.watchers.isEmpty()) {
			return;
		}
		room.next.set(update.view());
		if (room.sending.compareAndSet(false, true)) {
			senders.execute(() -> send(room));
		}
	}

	private void send(Room room) {
		while (true) {
			AuctionView view = room.next.getAndSet(null);
			if (view == null) {
				room.sending.set(false);
				// A state handed over after the last look but before the flag went down is sent now.
				if (room.next.get() == null || !room.sending.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			byte[] frame = frame(view, "");
			room.last = view;
			// The other stripes on threads of their own, the first on this one; the next state waits for them all.
			List<Future<?>> others = new ArrayList<>(STRIPES - 1);
			for (int stripe = 1; stripe < STRIPES; stripe++) {
				int mine = stripe;
				others.add(stripeWriters.submit(() -> offer(room, mine, view, frame)));
			}
			offer(room, 0, view, frame);
			for (Future<?> other : others) {
				try {
					other.get();
				}
				catch (ExecutionException e) {
					// A watcher's failure closes that watcher only (Watcher.drain); nothing else can fail here.
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					room.sending.set(false);
					return;
				}
			}
		}
	}

	private static void offer(Room room, int stripe, AuctionView view, byte[] frame) {
		for (Watcher watcher : room.watchers) {
			if (watcher.stripe == stripe) {
				watcher.offer(view, frame);
			}
		}
	}

	/** One server-sent event named {@code state}; the JSON is on one line. */
	private byte[] frame(AuctionView view, String fields) {
		return ("event:state\ndata:" + json.writeValueAsString(view) + "\n" + fields + "\n").getBytes(StandardCharsets.UTF_8);
	}

	/** Orders states: a later bid, or the same bid and the auction closed. */
	private static long version(AuctionView view) {
		return view.lastSeq() * 2 + (view.status() == org.yiwang.auction.AuctionStatus.RUNNING ? 0 : 1);
	}

	/** One open event stream; at most one state waits for its connection to drain, the latest. */
	private final class Watcher implements WriteListener, AsyncListener {

		private final Room room;

		/** Which of the room's stripes writes this watcher. */
		final int stripe;

		private final AsyncContext async;

		private final ServletOutputStream out;

		private byte[] pending;

		private long offered = -1;

		private boolean ready;

		private boolean closed;

		Watcher(Room room, AsyncContext async, ServletOutputStream out) {
			this.room = room;
			this.stripe = Math.floorMod(room.dealt.getAndIncrement(), STRIPES);
			this.async = async;
			this.out = out;
		}

		/**
		 * Writes the first state (blocking: the connection is fresh), then switches the stream to non-blocking writes.
		 * A container without non-blocking output (the servlet test mock) keeps writing blocking.
		 */
		synchronized void start(AuctionView now, byte[] first) throws IOException {
			offered = version(now);
			out.write(first);
			out.flush();
			try {
				out.setWriteListener(this);
			}
			catch (UnsupportedOperationException e) {
				ready = true;
			}
		}

		synchronized void offer(AuctionView view, byte[] frame) {
			long v = version(view);
			if (closed || v < offered) {
				return;
			}
			offered = v;
			pending = frame;
			if (ready) {
				drain();
			}
		}

		@Override
		public synchronized void onWritePossible() {
			ready = true;
			drain();
		}

		private void drain() {
			try {
				while (pending != null && out.isReady()) {
					byte[] frame = pending;
					pending = null;
					out.write(frame);
					if (out.isReady()) {
						out.flush();
					}
				}
				ready = out.isReady();
			}
			catch (IOException | IllegalStateException e) {
				close();
			}
		}

		@Override
		public synchronized void onError(Throwable t) {
			close();
		}

		private void close() {
			if (closed) {
				return;
			}
			closed = true;
			pending = null;
			room.watchers.remove(this);
			try {
				async.complete();
			}
			catch (IllegalStateException e) {
				// Already completed by the container.
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
			synchronized (this) {
				closed = true;
				pending = null;
			}
			room.watchers.remove(this);
		}

		@Override
		public synchronized void onTimeout(AsyncEvent event) {
			close();
		}

		@Override
		public synchronized void onError(AsyncEvent event) {
			close();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}
	}
}
