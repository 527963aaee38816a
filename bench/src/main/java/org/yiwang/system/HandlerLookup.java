package org.yiwang.system;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.ObservationAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.yiwang.YiwangApplication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request path's two lookups, old and new, in one JVM against the real application context: MVC's handler lookup
 * (its own walk through every mapping vs {@link IndexedRequestMappings}) and the URL rules' decision (Spring Security's
 * walk vs {@link IndexedUrlRules}), for one request per pattern of every mapping (variables filled) and for the
 * auction's bid. CPU nanoseconds of this thread per lookup (the median of 15 rounds, alternating old and new), so a
 * busy machine slows both alike. Each request is wrapped four times, as the security filter chain wraps a real one (a
 * lookup asks each candidate's method through the wrappers).
 *
 * <p>Usage: {@code bench/handler-lookup.sh [rounds=15]}. About a minute after the application has started.
 */
public final class HandlerLookup {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
		Path dir = Files.createTempDirectory("yiwang-handler-lookup");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YiwangApplication.class).run(
				"--yiwang.database.embedded-directory=" + dir.resolve("pg"), "--yiwang.database.embedded-clean=true",
				"--yiwang.pki.key-secret-file=" + dir.resolve("pki-secret"), "--server.port=0",
				"--logging.file.name=" + dir.resolve("yiwang.log"), "--logging.level.root=WARN",
				"--yiwang.demo.city=false", "--yiwang.demo.entities=false", "--yiwang.demo.guarantee=false")) {
			new HandlerLookup(app).run(rounds);
		}
	}

	private final IndexedRequestMappings mappings;

	private final List<IndexedUrlRules> rules = new ArrayList<>();

	private HandlerLookup(ConfigurableApplicationContext app) throws ReflectiveOperationException {
		this.mappings = app.getBean("requestMappingHandlerMapping", IndexedRequestMappings.class);
		Field delegate = ObservationAuthorizationManager.class.getDeclaredField("delegate");
		delegate.setAccessible(true);
		for (SecurityFilterChain chain : app.getBeansOfType(SecurityFilterChain.class).values()) {
			for (var filter : chain.getFilters()) {
				if (filter instanceof AuthorizationFilter authorization) {
					Object manager = authorization.getAuthorizationManager();
					if (manager instanceof ObservationAuthorizationManager<?> observed) {
						manager = delegate.get(observed);
					}
					this.rules.add((IndexedUrlRules) manager);
				}
			}
		}
	}

	private void run(int rounds) throws Exception {
		List<HttpServletRequest> all = new ArrayList<>();
		List<HttpServletRequest> patterned = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			String method = info.getMethodsCondition().getMethods().stream().findFirst().map(Enum::name).orElse("GET");
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				HttpServletRequest request = request(method, pattern.getPatternString()
					.replaceAll("\\{\\*[^}]+}", "1/1").replaceAll("\\{[^}]+}", "1").replace("**", "1/1").replace("*", "1"));
				all.add(request);
				if (pattern.hasPatternSyntax()) {
					patterned.add(request);
				}
			}
		}
		List<HttpServletRequest> bid = List.of(request("POST", "/auctions/" + UUID.randomUUID() + "/bids"));
		HandlerMapping bidMapping = null;
		try {
			bidMapping = (HandlerMapping) this.mappings.getApplicationContext().getBean("bidMapping");
		}
		catch (RuntimeException none) {
			// retired: the general mapping takes the bid
		}
		System.out.printf("%d mappings, %d of them with a variable or wildcard in a path; %d and %d URL rules in the API's and"
				+ " the pages' chains%n", this.mappings.getHandlerMethods().size(), this.mappings.patternedMappings(),
				this.rules.get(0).rules(), this.rules.size() > 1 ? this.rules.get(1).rules() : 0);
		System.out.printf("load average before: %s%n", loadAverage());
		System.out.println();
		System.out.println("| lookup | requests | old: Spring's walk (baseline), CPU ns per request | new: indexed, CPU ns per request | old / new |");
		System.out.println("|---|---|---|---|---|");
		compare("MVC handler, one request per mapping pattern", all, rounds, this.mappings::lookupByWalk,
				this.mappings::lookupByIndex);
		compare("MVC handler, the patterned ones", patterned, rounds, this.mappings::lookupByWalk,
				this.mappings::lookupByIndex);
		compare("MVC handler, POST /auctions/{id}/bids", bid, rounds * 200, this.mappings::lookupByWalk,
				this.mappings::lookupByIndex);
		if (bidMapping != null) {
			HandlerMapping own = bidMapping;
			compare("getHandler for the bid: auction.web.BidMapping (a mapping for this path only) vs the indexed MVC mapping", bid, rounds * 200,
					own::getHandler, this.mappings::getHandler);
		}
		Authentication anonymous = new AnonymousAuthenticationToken("bench", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		Supplier<Authentication> who = () -> anonymous;
		IndexedUrlRules pages = this.rules.get(this.rules.size() - 1);
		compare("URL rules (pages' chain), one request per mapping pattern", all, rounds,
				r -> pages.original().authorize(who, unparsed(r)), r -> pages.authorize(who, unparsed(r)));
		compare("URL rules (pages' chain), POST /auctions/{id}/bids", bid, rounds * 200,
				r -> pages.original().authorize(who, unparsed(r)), r -> pages.authorize(who, unparsed(r)));
		System.out.printf("%nload average after: %s%n", loadAverage());
	}

	private interface Step {

		Object apply(HttpServletRequest request) throws Exception;
	}

	private static void compare(String what, List<HttpServletRequest> requests, int rounds, Step old, Step now)
			throws Exception {
		int passes = Math.max(1, rounds);
		for (int warm = 0; warm < 3; warm++) {
			time(requests, old, passes / 3 + 1);
			time(requests, now, passes / 3 + 1);
		}
		double[] olds = new double[15];
		double[] news = new double[15];
		for (int round = 0; round < olds.length; round++) {
			olds[round] = time(requests, old, passes / 15 + 1);
			news[round] = time(requests, now, passes / 15 + 1);
		}
		Arrays.sort(olds);
		Arrays.sort(news);
		double o = olds[olds.length / 2];
		double n = news[news.length / 2];
		System.out.printf("| %s | %d | %,.0f | %,.0f | %.1f× |%n", what, requests.size(), o, n, o / n);
	}

	/** CPU ns of this thread per request, over the requests {@code passes} times. */
	private static double time(List<HttpServletRequest> requests, Step step, int passes) {
		long sink = 0;
		long start = THREADS.getCurrentThreadCpuTime();
		for (int pass = 0; pass < passes; pass++) {
			for (HttpServletRequest request : requests) {
				try {
					sink += step.apply(request) == null ? 0 : 1;
				}
				catch (Exception refused) {
					// a 405/415/406 answer is an outcome of the lookup like a handler
					sink += 2;
				}
			}
		}
		long spent = THREADS.getCurrentThreadCpuTime() - start;
		if (sink < 0) {
			System.out.println(sink);
		}
		return (double) spent / ((long) passes * requests.size());
	}

	/** As the dispatcher servlet sees a request: its path parsed, behind the security chain's four wrappers. */
	private static HttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		ServletRequestPathUtils.parseAndCache(request);
		HttpServletRequest wrapped = request;
		for (int i = 0; i < 4; i++) {
			wrapped = new HttpServletRequestWrapper(wrapped);
		}
		return wrapped;
	}

	/** The security chain's authorization runs before the dispatcher servlet parses the path. */
	private static HttpServletRequest unparsed(HttpServletRequest request) {
		ServletRequestPathUtils.clearParsedRequestPath(request);
		return request;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (java.io.IOException e) {
			return "unknown";
		}
	}
}
