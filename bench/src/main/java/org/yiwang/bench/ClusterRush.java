package org.yiwang.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The deadline rush of {@link DeadlineRush} for the cluster benchmark (org.yiwang.auction.ClusterBench, another
 * package): a published section and its bidders with sealed, signed envelopes and API tokens, sent to any node.
 */
public final class ClusterRush {

	private final DeadlineRush.Prepared prepared;

	private ClusterRush(DeadlineRush.Prepared prepared) {
		this.prepared = prepared;
	}

	public static ClusterRush prepare(ConfigurableApplicationContext app, Path work, int bidders, int kilobytes)
			throws Exception {
		return new ClusterRush(DeadlineRush.prepare(app, work, bidders, kilobytes));
	}

	public int size() {
		return prepared.bidders().size();
	}

	public UUID section() {
		return prepared.section().id().value();
	}

	public String username(int i) {
		return prepared.bidders().get(i).username();
	}

	/** Bidder {@code i}'s envelope under its idempotency key, to the node on {@code port}. */
	public HttpResponse<String> send(HttpClient http, int port, int i) throws Exception {
		return DeadlineRush.send(http, port, prepared.section(), prepared.bidders().get(i), Duration.ofSeconds(60));
	}

	/** Whether bidder {@code i}'s bid counts (RECEIPTED), as the bidder sees its own on the node on {@code port}. */
	public boolean receipted(HttpClient http, int port, int i) throws Exception {
		HttpResponse<String> mine = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/tendering/sections/" + section() + "/bids/mine"))
			.header("Authorization", "Bearer " + prepared.bidders().get(i).token()).build(),
				HttpResponse.BodyHandlers.ofString());
		return mine.statusCode() == 200 && mine.body().contains("\"RECEIPTED\"");
	}

	/** What one pass of uploads got, as {@link DeadlineRush#rush} measures it. */
	public record Pass(long[] latencies, int receipted, int failed, double seconds) {

		/** The latency at {@code quantile} in milliseconds. */
		public double ms(double quantile) {
			return latencies[Math.min(latencies.length - 1, (int) Math.ceil(quantile * latencies.length) - 1)] / 1e6;
		}
	}

	/**
	 * Bidders {@code from} (inclusive) to {@code to} (exclusive) upload their envelopes once, {@code concurrency} at a
	 * time, the k-th of them to {@code ports[k % ports.length]}, as a round-robin balancer spreads them.
	 */
	public Pass rush(HttpClient http, int[] ports, int from, int to, int concurrency) throws Exception {
		DeadlineRush.Rush r = DeadlineRush.rush(http, ports, prepared.section(), prepared.bidders().subList(from, to),
				concurrency);
		return new Pass(r.latencies(), r.receipted().get(), r.failed().get(), r.seconds());
	}

	/** The envelopes' size in bytes. */
	public long envelopeBytes() throws java.io.IOException {
		return java.nio.file.Files.size(prepared.bidders().get(0).envelope());
	}
}
