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
}
