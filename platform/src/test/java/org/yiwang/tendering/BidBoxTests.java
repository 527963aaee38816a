package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import com.zaxxer.hikari.HikariDataSource;

/** The bound on bids in their transaction at once, against the application pool (no connection is opened). */
class BidBoxTests {

	@Test
	void acceptsBidTransactionsBelowThePoolsSize() {
		try (HikariDataSource pool = pool(20)) {
			assertThat(BidBox.bidTransactions(12, pool)).isEqualTo(12);
			assertThat(BidBox.bidTransactions(19, pool)).isEqualTo(19);
		}
	}

	@Test
	void refusesToStartWithAsManyBidTransactionsAsConnections() {
		try (HikariDataSource pool = pool(20)) {
			assertThatIllegalStateException().isThrownBy(() -> BidBox.bidTransactions(20, pool))
				.withMessageContaining("yiwang.tendering.bid-transactions is 20")
				.withMessageContaining("below the application pool's 20 connections (at most 19)");
			assertThatIllegalStateException().isThrownBy(() -> BidBox.bidTransactions(64, pool));
		}
	}

	@Test
	void refusesNoBidTransactionsAtAll() {
		try (HikariDataSource pool = pool(20)) {
			assertThatIllegalStateException().isThrownBy(() -> BidBox.bidTransactions(0, pool))
				.withMessageContaining("must be at least 1");
			assertThatIllegalStateException().isThrownBy(() -> BidBox.bidTransactions(-3, pool));
		}
	}

	@Test
	void readsThePoolBehindTheReplicaRouting() {
		try (HikariDataSource pool = pool(8)) {
			LazyConnectionDataSourceProxy routed = new LazyConnectionDataSourceProxy(pool);
			assertThat(BidBox.bidTransactions(7, routed)).isEqualTo(7);
			assertThatIllegalStateException().isThrownBy(() -> BidBox.bidTransactions(8, routed))
				.withMessageContaining("pool's 8 connections");
		}
	}

	@Test
	void aPoolThatDoesNotTellItsSizeLimitsNothing() {
		assertThat(BidBox.bidTransactions(12, new SimpleDriverDataSource())).isEqualTo(12);
	}

	private static HikariDataSource pool(int size) {
		HikariDataSource pool = new HikariDataSource(); // not started: it opens no connection until asked for one
		pool.setMaximumPoolSize(size);
		return pool;
	}
}
