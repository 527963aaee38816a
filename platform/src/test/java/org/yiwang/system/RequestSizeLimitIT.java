package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over a real port: a body of unknown length (chunked) over the 2 MB limit is answered 413, and the server stops
 * reading it, on a JSON API endpoint and on a page form alike. (Streamed uploads keep their own, larger caps:
 * TenderingIT sends a 200 MB chunked document.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RequestSizeLimitIT {

	private static final long THREE_MB = 3L * 1024 * 1024;

	@LocalServerPort
	int port;

	/** {@code prefix} then filler up to {@code size} bytes; an InputStream body makes the client send it chunked. */
	private static InputStream body(String prefix, long size) {
		byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
		return new InputStream() {

			long position;

			@Override
			public int read() {
				if (position >= size) {
					return -1;
				}
				return position < head.length ? head[(int) position++] : ('a' + (int) (position++ % 26));
			}
		};
	}

	private HttpResponse<String> postChunked(String path, String contentType, String prefix, long size) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", contentType)
			.header("Accept", "application/json, text/html")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body(prefix, size)))
			.timeout(Duration.ofMinutes(1))
			.build();
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
			.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void a_chunked_json_body_over_the_limit_is_refused_with_a_problem() throws Exception {
		HttpResponse<String> response = postChunked("/api/registry/registrations", "application/json",
				"{\"name\":\"", THREE_MB);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void a_chunked_form_over_the_limit_is_refused_with_a_page() throws Exception {
		HttpResponse<String> response = postChunked("/registry/register", "application/x-www-form-urlencoded",
				"name=", THREE_MB);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
	}

	@Test
	void a_small_chunked_json_body_still_reaches_the_endpoint() throws Exception {
		HttpResponse<String> response = postChunked("/api/registry/registrations", "application/json", "{}", 2);
		assertThat(response.statusCode()).as(response.body()).isNotIn(413).isLessThan(500);
	}

	/**
	 * 64 MB offered chunked on a raw socket: the answer is 413 and the server hangs up long before the client could
	 * send it all (it reads the limit, swallows at most server.tomcat.max-swallow-size more, then closes).
	 */
	@Test
	void the_server_stops_reading_a_chunked_body_at_the_limit() throws Exception {
		for (String[] target : new String[][] { { "/api/registry/registrations", "application/json", "{\"name\":\"" },
				{ "/registry/register", "application/x-www-form-urlencoded", "name=" } }) {
			long offered = 64L * 1024 * 1024;
			AtomicLong sent = new AtomicLong();
			try (Socket socket = new Socket("localhost", port)) {
				socket.setSoTimeout(60_000);
				OutputStream out = socket.getOutputStream();
				out.write(("POST " + target[0] + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + target[1]
						+ "\r\nTransfer-Encoding: chunked\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
					byte[] chunk = new byte[64 * 1024];
					java.util.Arrays.fill(chunk, (byte) 'a');
					byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
					try {
						byte[] prefix = target[2].getBytes(StandardCharsets.US_ASCII); // well-formed as far as it goes
						out.write((Integer.toHexString(prefix.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						out.write(prefix);
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
						while (sent.get() < offered) {
							out.write(size);
							out.write(chunk);
							out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
							sent.addAndGet(chunk.length);
						}
						out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
						out.flush();
					}
					catch (IOException hungUp) {
						// the server closed the connection: what this test wants
					}
				});
				BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
				String status = in.readLine();
				assertThat(status).as(target[0]).startsWith("HTTP/1.1 413");
				writer.get(60, TimeUnit.SECONDS);
			}
			assertThat(sent.get()).as("bytes the client could send to " + target[0] + " before the server hung up")
				.isLessThan(16L * 1024 * 1024);
		}
	}
}
