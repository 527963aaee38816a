package org.yiwang.auction;

import java.nio.file.Path;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.YiwangApplication;

/**
 * A separate JVM for {@link AuctionCrashTests}: the whole platform on a data directory, one auction with two
 * qualified bidders, then bids as fast as it can, printing each acknowledged bid, until it is killed with SIGKILL in
 * the middle of bidding.
 */
public class AuctionCrashChild {

	static ConfigurableApplicationContext start(Path directory) {
		return start(directory, false);
	}

	/** @param overlap with the writer's overlapped commits ({@code yiwang.auction.overlap-commits}) */
	static ConfigurableApplicationContext start(Path directory, boolean overlap) {
		// Command-line arguments, so they win over the test profile's fresh directory per context.
		return new SpringApplicationBuilder(YiwangApplication.class).profiles("test")
			.run("--yiwang.database.embedded-directory=" + directory.resolve("pg"), "--yiwang.database.embedded-clean=false",
					"--yiwang.pki.key-secret-file=" + directory.resolve("pki-key-secret"), "--server.port=0",
					"--logging.file.name=" + directory.resolve("yiwang.log"), "--yiwang.auction.overlap-commits=" + overlap);
	}

	/**
	 * {@code args}: the data directory, then {@code overlap} for overlapped commits with four threads bidding at once
	 * (two per bidder, prices from one counter, the overtaken ones refused), so batches are in flight together.
	 */
	public static void main(String[] args) throws Exception {
		boolean overlap = args.length > 1 && args[1].equals("overlap");
		ConfigurableApplicationContext context = start(Path.of(args[0]), overlap);
		AuctionFixture fixture = new AuctionFixture(context);
		ListingView listing = fixture.published("K", "100000.00", "100000.00", "100.00", "10000.00");
		String[] bidders = { fixture.qualified(listing, "K1"), fixture.qualified(listing, "K2") };
		fixture.concludeAfterPeriod(listing, 60);
		System.out.println("BIDDERS " + bidders[0] + " " + bidders[1]);
		System.out.println("LISTING " + listing.id());
		System.out.flush();
		if (overlap) {
			java.util.concurrent.atomic.AtomicLong price = new java.util.concurrent.atomic.AtomicLong(100000);
			java.util.concurrent.atomic.AtomicLong overlapped = context.getBean(Auctioneer.class).writer.overlapped;
			for (int t = 0; t < 2; t++) {
				String bidder = bidders[t];
				// Each bidder signed in once (two sign-ins of one account at once collide on its version), then
				// bidding from two threads on that sign-in.
				org.springframework.security.core.context.SecurityContext signedIn = fixture.as(bidder,
						org.springframework.security.core.context.SecurityContextHolder::getContext);
				for (int me = 2 * t; me < 2 * t + 2; me++) {
					int thread = me;
					new Thread(() -> {
						org.springframework.security.core.context.SecurityContextHolder.setContext(signedIn);
						for (int i = 0; ; i++) {
							try {
								BidReceipt receipt = fixture.hall.bid(listing.id(), price.getAndAdd(100) + ".00",
										"crash-" + thread + "-" + i);
								synchronized (System.out) {
									// with how many batches so far were sent while the one before was in flight
									System.out.println("ACK " + receipt.seq() + " " + receipt.amount() + " "
											+ receipt.bidderNumber() + " " + overlapped.get());
									System.out.flush();
								}
							}
							catch (org.yiwang.system.Refusal overtaken) {
								// A higher bid was decided first.
							}
						}
					}).start();
				}
			}
			Thread.sleep(Long.MAX_VALUE);
		}
		long amount = 100000;
		for (int i = 0; ; i++) {
			String bidder = bidders[i % 2];
			String price = amount + ".00";
			BidReceipt receipt = fixture.as(bidder, () -> fixture.hall.bid(listing.id(), price, "crash-" + price));
			System.out.println("ACK " + receipt.seq() + " " + receipt.amount() + " " + receipt.bidderNumber());
			System.out.flush();
			amount += 100;
		}
	}
}
