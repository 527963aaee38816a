package org.yiwang.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The floor under the auction's bid: a POST's form amount inserted as one row of {@code public.bench_probe} and
 * committed through {@code pool}, answered 200 with the amount. No Spring, no security, no session, no auction rules:
 * less than the platform must do per bid, so its rate bounds the auction's from above on the same machine
 * ({@code org.yiwang.auction.AuctionLoad}, {@code org.yiwang.auction.ClusterLoad} through {@link FloorNode}).
 */
public final class InsertFloorServlet extends HttpServlet {

	/** The floor's table: logged like the bids table; the application role only inserts. */
	public static final String TABLE = "create table if not exists public.bench_probe (id bigint, amount numeric(20,2), "
			+ "at timestamptz)";

	public static final String GRANT = "grant insert on public.bench_probe to yiwang_app";

	private final transient DataSource pool;

	private final AtomicLong ids = new AtomicLong(1L << 40);

	public InsertFloorServlet(DataSource pool) {
		this.pool = pool;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		BigDecimal amount = new BigDecimal(request.getParameter("amount"));
		try (Connection c = pool.getConnection();
				PreparedStatement p = c.prepareStatement("insert into public.bench_probe values (?, ?, now())")) {
			c.setAutoCommit(false);
			p.setLong(1, ids.incrementAndGet());
			p.setBigDecimal(2, amount);
			p.executeUpdate();
			c.commit();
		}
		catch (SQLException e) {
			throw new IOException(e);
		}
		response.setContentType("application/json");
		response.getWriter().write("{\"amount\":\"" + amount + "\"}");
	}
}
