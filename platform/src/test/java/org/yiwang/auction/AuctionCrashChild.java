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
		// Command-line arguments, so they win over the test profile's fresh directory per context.
		return new SpringApplicationBuilder(YiwangApplication.class).profiles("test")
			.run("--yiwang.database.embedded-directory=" + directory.resolve("pg"), "--yiwang.database.embedded-clean=false",
					"--yiwang.pki.key-secret-file=" + directory.resolve("pki-key-secret"), "--server.port=0",
					"--logging.file.name=" + directory.resolve("yiwang.log"));
	}

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext context = start(Path.of(args[0]));
		AuctionFixture fixture = new AuctionFixture(context);
		ListingView listing = fixture.published("K", "100000.00", "100000.00", "100.00", "10000.00");
		String[] bidders = { fixture.qualified(listing, "K1"), fixture.qualified(listing, "K2") };
		fixture.concludeAfterPeriod(listing, 60);
		System.out.println("BIDDERS " + bidders[0] + " " + bidders[1]);
		System.out.println("LISTING " + listing.id());
		System.out.flush();
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
