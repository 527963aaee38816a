package org.yiwang.demo.security;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.yiwang.system.ClusterLocks;
import org.yiwang.demo.DemoOn;

/**
 * Runs the demo issuer's and the demo bank's systems once the platform is up: each polls the platform's HTTP API on
 * {@code http://localhost:<port>} with its own machine account's token, every few seconds, on a thread of its own.
 * They are clients of the API like any issuer's or bank's, not shortcuts inside it.
 */
@Component
@DemoOn
class DemoClients {

	private static final Logger log = LoggerFactory.getLogger(DemoClients.class);

	private final DemoSettings settings;

	private final DemoIssuer issuer;

	private final DemoBank bank;

	private volatile int port;

	/** One node of a cluster plays the demo issuer and bank (the holder of this job's lock). */
	private static final String JOB = "demo-issuer-and-bank";

	private final ClusterLocks locks;

	private ScheduledExecutorService scheduler;

	DemoClients(DemoSettings settings, DemoIssuer issuer, DemoBank bank, ClusterLocks locks) {
		this.settings = settings;
		this.issuer = issuer;
		this.bank = bank;
		this.locks = locks;
	}

	/** The main web server's port (not a separate management server's). */
	@EventListener
	void webServerUp(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			port = event.getWebServer().getPort();
		}
	}

	/** After the start-up runners made the demo data. */
	@EventListener
	synchronized void ready(ApplicationReadyEvent event) {
		if (!settings.enabled() || port <= 0 || scheduler != null) {
			return;
		}
		String base = "http://localhost:" + port;
		issuer.connect(client(base, settings.issuerToken()));
		bank.connect(client(base, settings.bankToken()));
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "demo-issuer-and-bank");
			thread.setDaemon(true);
			return thread;
		});
		long every = settings.pollInterval().toMillis();
		scheduler.scheduleWithFixedDelay(() -> {
			if (locks.owns(JOB)) {
				poll("issuer", issuer::work);
			}
		}, every, every, TimeUnit.MILLISECONDS);
		scheduler.scheduleWithFixedDelay(() -> {
			if (locks.owns(JOB)) {
				poll("bank", bank::work);
			}
		}, every, every, TimeUnit.MILLISECONDS);
		log.warn("Demo guarantee issuer and demo bank are running against {} (yiwang.demo.guarantee=true); "
				+ "the demo bank's page is {}/demo-bank", base, base);
	}

	@EventListener
	synchronized void closed(ContextClosedEvent event) {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
			locks.release(JOB);
		}
	}

	private static RestClient client(String base, String token) {
		return RestClient.builder().baseUrl(base).defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
	}

	/** One round of a client's work; a failed round is logged and tried again at the next tick. */
	private static void poll(String who, Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException e) {
			log.info("Demo {} round failed, retrying at the next tick: {}", who, e.getMessage());
		}
	}
}
