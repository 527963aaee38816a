package org.yiwang.portal;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.YiwangApplication;
import org.yiwang.system.RegionScopes;

/**
 * The whole platform, filled with N synthetic public records (stored and indexed as the portal stores published
 * ones), for the HTTP load run of {@code bench/portal-wrk.sh}. Prints {@code READY} when it serves.
 */
public final class PortalLoadServer {

	public static void main(String[] args) throws Exception {
		int n = 20_000;
		for (String arg : args) {
			if (arg.startsWith("--records=")) {
				n = Integer.parseInt(arg.substring("--records=".length()));
			}
		}
		ConfigurableApplicationContext context = SpringApplication.run(YiwangApplication.class, args);
		PublishedRecords records = context.getBean(PublishedRecords.class);
		SearchIndex index = context.getBean(SearchIndex.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		List<PublicRecord> generated = PortalSearchBenchmark.generate(n, System.nanoTime()).records();
		for (int i = 0; i < n; i += 1000) {
			List<PublicRecord> batch = generated.subList(i, Math.min(n, i + 1000));
			RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> batch.forEach(r -> records.add(r, "bench"))));
			index.index(batch, false);
		}
		index.commit();
		System.out.println("READY " + n + " records");
	}
}
