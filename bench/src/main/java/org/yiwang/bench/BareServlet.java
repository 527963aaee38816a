package org.yiwang.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import jakarta.servlet.http.HttpServlet;

/**
 * One servlet alone in an embedded Tomcat (the same Tomcat and NIO connector the platform runs on) with no Spring, no
 * filters, no security and no sessions: the floor under an intake benchmark. Whatever a bench's client gets from it on
 * these cores is the most any servlet application could get doing the same work, so a goal above that floor cannot be
 * met on this machine however lean the platform's own code becomes.
 */
public final class BareServlet implements AutoCloseable {

	private final Tomcat tomcat;

	private final Path base;

	private final int port;

	/** Starts {@code servlet} on a free loopback port, mapped to every path, with up to {@code threads} threads. */
	public BareServlet(HttpServlet servlet, int threads) throws IOException, LifecycleException {
		this(servlet, threads, 0);
	}

	/** Starts {@code servlet} on loopback port {@code port} (0: a free one), with up to {@code threads} threads. */
	public BareServlet(HttpServlet servlet, int threads, int port) throws IOException, LifecycleException {
		base = Files.createTempDirectory("yiwang-bare-servlet");
		tomcat = new Tomcat();
		tomcat.setBaseDir(base.toString());
		Connector connector = new Connector("HTTP/1.1");
		connector.setPort(port);
		connector.setProperty("address", "127.0.0.1");
		connector.setProperty("maxThreads", Integer.toString(threads));
		connector.setProperty("maxConnections", Integer.toString(Math.max(8192, threads)));
		tomcat.getService().addConnector(connector);
		tomcat.setConnector(connector);
		Context context = tomcat.addContext("", base.toString());
		Tomcat.addServlet(context, "bare", servlet);
		context.addServletMappingDecoded("/*", "bare");
		tomcat.start();
		this.port = connector.getLocalPort();
	}

	public int port() {
		return port;
	}

	@Override
	public void close() throws LifecycleException {
		tomcat.stop();
		tomcat.destroy();
	}
}
