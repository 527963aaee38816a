package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over a real port, as a TLS-terminating proxy would call it: X-Forwarded-Proto from the trusted proxy (127.0.0.2 in
 * the test profile's yiwang.proxy.trusted) makes the request secure (HSTS, a Secure session cookie); the same header
 * from any other address is ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReverseProxyIT {

	@LocalServerPort
	int port;

	/** The response's status line and headers to a GET of the sign-in page (which starts a session) from {@code from}. */
	private List<String> signInPageFrom(String from) throws Exception {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
			socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(("GET /login HTTP/1.1\r\nHost: yiwang.example.cn\r\n"
					+ "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Host: yiwang.example.cn\r\n"
					+ "X-Forwarded-Port: 443\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			List<String> head = new ArrayList<>();
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				head.add(line);
			}
			return head;
		}
	}

	private static List<String> headers(List<String> head, String name) {
		return head.stream().filter(line -> line.toLowerCase().startsWith(name.toLowerCase() + ":")).toList();
	}

	@Test
	void https_forwarded_by_the_trusted_proxy_gets_hsts_and_a_secure_session_cookie() throws Exception {
		List<String> head = signInPageFrom("127.0.0.2");
		assertThat(head.get(0)).startsWith("HTTP/1.1 200");
		assertThat(headers(head, "Strict-Transport-Security")).as(head.toString()).singleElement()
			.satisfies(hsts -> assertThat(hsts).contains("max-age="));
		assertThat(headers(head, "Set-Cookie")).as(head.toString()).isNotEmpty()
			.allSatisfy(cookie -> assertThat(cookie).contains("; Secure"));
	}

	@Test
	void the_same_headers_from_an_untrusted_address_are_ignored() throws Exception {
		List<String> head = signInPageFrom("127.0.0.1");
		assertThat(head.get(0)).startsWith("HTTP/1.1 200");
		assertThat(headers(head, "Strict-Transport-Security")).as(head.toString()).isEmpty();
		assertThat(headers(head, "Set-Cookie")).as(head.toString()).isNotEmpty()
			.noneSatisfy(cookie -> assertThat(cookie).contains("Secure"));
	}
}
