package org.yiwang.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The floors of the deadline rush and of the auction's bid in a JVM of their own, as a node runs in its own, so that
 * a multi-node bench ({@code org.yiwang.auction.ClusterLoad}) compares like with like: the client in the bench's JVM,
 * the server's CPU read from its process. One bare Tomcat ({@link BareServlet}): an envelope upload
 * ({@code /api/tendering/…}) goes to {@link DeadlineRush.FloorServlet} (hash, fsync, one SM2 verification), any other
 * POST to {@link InsertFloorServlet} (one row inserted and committed as the application's login, through a pool of the
 * application pool's size); a GET answers 200 (readiness).
 *
 * <p>Arguments: port, JDBC URL, application login, its password, Tomcat threads, the directory for the envelopes.
 */
public final class FloorNode extends HttpServlet {

	private final transient HttpServlet rush;

	private final transient HttpServlet bid;

	private FloorNode(HttpServlet rush, HttpServlet bid) {
		this.rush = rush;
		this.bid = bid;
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(args[1]);
		pool.setUsername(args[2]);
		pool.setPassword(args[3]);
		pool.setMaximumPoolSize(20); // the application's pool (system.DatabaseConfiguration)
		Path envelopes = Files.createDirectories(Path.of(args[5]));
		BareServlet bare = new BareServlet(new FloorNode(new DeadlineRush.FloorServlet(envelopes),
				new InsertFloorServlet(pool)), Integer.parseInt(args[4]), port);
		System.out.println("floor on port " + bare.port());
		Thread.currentThread().join(); // until the bench ends this JVM
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.getWriter().write("floor");
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		(request.getRequestURI().startsWith("/api/tendering/") ? rush : bid).service(request, response);
	}
}
