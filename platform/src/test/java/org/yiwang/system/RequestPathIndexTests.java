package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.ObservationAuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;

import jakarta.servlet.DispatcherType;

/**
 * The indexed request path (MVC's handler lookup, {@link IndexedRequestMappings}; the modules' URL rules,
 * {@link IndexedUrlRules}) against Spring's own walks, for every mapping of the application (all modules): each
 * pattern with its variables filled, each HTTP method, a few Accept and Content-Type headers, and awkward spellings of
 * paths (encoded, matrix parameters, doubled and trailing slashes, unknown paths).
 */
@PlatformTest
class RequestPathIndexTests {

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

	private static final List<String> AWKWARD = List.of("/", "", "/nothing-here", "/nothing/here/1", "/api", "/api/",
			"/api/nothing", "/auctions//1/bids", "//auctions/1/bids", "/auctions/1/bids/", "/auctions/1;a=b/bids",
			"/auctions;a=b/1/bids", "/%61uctions/1/bids", "/auctions/%31/bids", "/AUCTIONS/1/bids", "/tenders/", "/login",
			"/error", "/webjars/htmx.org/dist/htmx.min.js", "/favicon.ico", "/actuator/health", "/v3/api-docs");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	List<SecurityFilterChain> chains;

	@Test
	void everyMappingIsFoundByTheIndexAsByMvcsOwnWalk() throws Exception {
		assertThat(this.mappings).isInstanceOf(IndexedRequestMappings.class);
		IndexedRequestMappings indexed = (IndexedRequestMappings) this.mappings;
		assertThat(indexed.indexed()).isTrue();
		List<String> differences = new ArrayList<>();
		int found = 0;
		int compared = 0;
		for (String path : samplePaths()) {
			boolean longer = path.endsWith("/extra");
			for (String method : longer ? List.of("GET", "POST") : METHODS) {
				// the Accept and Content-Type variants (406, 415) for the methods that carry bodies and pages
				int variants = !longer && (method.equals("GET") || method.equals("POST")) ? 3 : 1;
				for (int headers = 0; headers < variants; headers++) {
					MockHttpServletRequest walked = request(method, path, headers);
					MockHttpServletRequest looked = request(method, path, headers);
					String byWalk = outcome(() -> indexed.lookupByWalk(walked), walked);
					String byIndex = outcome(() -> indexed.lookupByIndex(looked), looked);
					compared++;
					if (byWalk.startsWith("{handler=")) {
						found++;
					}
					if (!byWalk.equals(byIndex)) {
						differences.add(method + " " + path + " (headers " + headers + "):\n  walk:  " + byWalk + "\n  index: " + byIndex);
					}
				}
			}
		}
		assertThat(differences).isEmpty();
		// every mapping was reached by its own sample path: the comparison covered real handlers, not only 404s
		assertThat(found).isGreaterThan(this.mappings.getHandlerMethods().size());
		assertThat(compared).isGreaterThan(10 * this.mappings.getHandlerMethods().size());
	}

	@Test
	void everyUrlRuleDecidesAsSpringSecuritysOwnWalk() {
		Map<SecurityFilterChain, IndexedUrlRules> managers = new LinkedHashMap<>();
		for (SecurityFilterChain chain : this.chains) {
			AuthorizationManager<?> manager = chain.getFilters().stream().filter(AuthorizationFilter.class::isInstance)
				.map(f -> ((AuthorizationFilter) f).getAuthorizationManager()).findFirst().orElseThrow();
			if (manager instanceof ObservationAuthorizationManager<?> observed) {
				// the metrics' wrapper around whatever the chain built
				manager = (AuthorizationManager<?>) ReflectionTestUtils.getField(observed, "delegate");
			}
			assertThat(manager).isInstanceOf(IndexedUrlRules.class);
			managers.put(chain, (IndexedUrlRules) manager);
		}
		assertThat(managers).hasSize(2);
		List<Authentication> people = new ArrayList<>();
		people.add(new AnonymousAuthenticationToken("key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		for (Role role : Role.values()) {
			people.add(TestActor.of(role.name().toLowerCase(), role, TestActor.CITY, role == Role.CENTER_STAFF).authentication());
		}
		List<String> differences = new ArrayList<>();
		int granted = 0;
		int denied = 0;
		List<String> paths = samplePaths().stream().filter(p -> !p.endsWith("/extra")).toList();
				for (Map.Entry<SecurityFilterChain, IndexedUrlRules> chain : managers.entrySet()) {
			IndexedUrlRules rules = chain.getValue();
			assertThat(rules.rules()).isGreaterThan(100);
			// each path against the chain that takes it (the API's: /api/**, /actuator/**, /v3/api-docs/**)
			for (String path : paths.stream().filter(p -> chain.getKey().matches(new MockHttpServletRequest("GET", p))).toList()) {
				for (String method : List.of("GET", "POST", "PUT")) {
					for (Authentication person : people) {
						Boolean byWalk = decision(rules.original(), person, method, path, DispatcherType.REQUEST, true);
						Boolean byIndex = decision(rules, person, method, path, DispatcherType.REQUEST, true);
						if (!Objects.equals(byWalk, byIndex)) {
							differences.add(method + " " + path + " as " + person.getAuthorities() + ": walk " + byWalk
									+ ", index " + byIndex);
						}
						if (Boolean.TRUE.equals(byWalk)) {
							granted++;
						}
						else {
							denied++;
						}
					}
				}
			}
			for (String path : AWKWARD) {
				for (DispatcherType dispatch : List.of(DispatcherType.ERROR, DispatcherType.FORWARD)) {
					for (Authentication person : people) {
						assertThat(decision(rules, person, "GET", path, dispatch, false)).as(path + " " + dispatch)
							.isEqualTo(decision(rules.original(), person, "GET", path, dispatch, false));
					}
				}
			}
			// an async dispatch is let through by the first rule, whatever its path
			assertThat(decision(rules, people.get(0), "POST", "/auctions/1/bids", DispatcherType.ASYNC, false)).isTrue();
		}
		assertThat(differences).isEmpty();
		assertThat(granted).isGreaterThan(500);
		assertThat(denied).isGreaterThan(500);
	}

	@Test
	void aPatternIsFiledUnderTheLiteralSegmentsItStartsWith() {
		assertThat(PathPrefixIndex.literalPrefix("/auctions/{id}/bids")).containsExactly("auctions");
		assertThat(PathPrefixIndex.literalPrefix("/api/sections/{id}")).containsExactly("api", "sections");
		assertThat(PathPrefixIndex.literalPrefix("/tenders/new")).containsExactly("tenders", "new");
		assertThat(PathPrefixIndex.literalPrefix("/webjars/**")).containsExactly("webjars");
		assertThat(PathPrefixIndex.literalPrefix("/files/*.pdf")).containsExactly("files");
		assertThat(PathPrefixIndex.literalPrefix("/{slug}")).isEmpty();
		assertThat(PathPrefixIndex.literalPrefix("/")).isEmpty();
		assertThat(PathPrefixIndex.literalPrefix("")).isEmpty();
		assertThat(PathPrefixIndex.literalPrefix("//x")).isEmpty();
		PathPrefixIndex index = PathPrefixIndex.of(List.of(List.of("/auctions/{id}/bids"), List.of("/{slug}"),
				List.of("/api/a/{x}", "/api/b/{x}"), List.of("/api/a/{x}/y"), List.of("/tenders")));
		assertThat(index.candidates(ServletRequestPathUtils.parseAndCache(new MockHttpServletRequest("GET", "/api/a/1/y"))
			.pathWithinApplication())).containsExactly(1, 2, 3);
		// decoded, without matrix parameters, as PathPattern compares a literal segment
		assertThat(index.candidates(ServletRequestPathUtils.parseAndCache(new MockHttpServletRequest("GET", "/%61uctions;v=1/1/bids"))
			.pathWithinApplication())).containsExactly(0, 1);
		assertThat(index.candidates(ServletRequestPathUtils.parseAndCache(new MockHttpServletRequest("GET", "//auctions/1"))
			.pathWithinApplication())).containsExactly(1);
	}

	/** Every pattern of every mapping with its variables and wildcards filled, and the awkward paths. */
	private List<String> samplePaths() {
		Set<String> paths = new TreeSet<>(AWKWARD);
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				String text = pattern.getPatternString();
				String value = "1";
				Matcher variable = VARIABLE.matcher(text);
				String filled = variable.replaceAll(m -> m.group(0).startsWith("{*") ? value + "/" + value : value)
					.replace("**", value + "/" + value).replace("*", value).replace("?", "x");
				paths.add(filled);
				paths.add(filled + "/extra");
			}
		}
		return new ArrayList<>(paths);
	}

	private static MockHttpServletRequest request(String method, String path, int headers) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (headers == 1) {
			request.addHeader(HttpHeaders.ACCEPT, "application/json");
			request.setContentType("application/json");
		}
		else if (headers == 2) {
			request.addHeader(HttpHeaders.ACCEPT, "image/png");
			request.setContentType("text/csv");
		}
		// as the DispatcherServlet does before asking its handler mappings
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

	private interface Lookup {

		HandlerMethod get() throws Exception;
	}

	/** The handler (or the refusal) and every attribute a match leaves on the request, as text. */
	private static String outcome(Lookup lookup, MockHttpServletRequest request) {
		Map<String, Object> seen = new LinkedHashMap<>();
		try {
			HandlerMethod handler = lookup.get();
			if (handler == null) {
				seen.put("none", "404");
			}
			else if (handler.getBean().getClass().getSimpleName().equals("HttpOptionsHandler")) {
				// MVC's answer to OPTIONS for a path it knows: a new handler each time, the Allow header is what counts
				HttpHeaders allow = (HttpHeaders) handler.getMethod().invoke(handler.getBean());
				seen.put("options", new TreeSet<>(allow.getAllow()));
			}
			else {
				seen.put("handler", handler);
			}
		}
		catch (HttpRequestMethodNotSupportedException e) {
			seen.put("405", new TreeSet<>(Set.of(e.getSupportedMethods())));
		}
		catch (HttpMediaTypeNotSupportedException e) {
			seen.put("415", new LinkedHashSet<>(e.getSupportedMediaTypes()) + " " + e.getContentType());
		}
		catch (HttpMediaTypeNotAcceptableException e) {
			seen.put("406", new LinkedHashSet<>(e.getSupportedMediaTypes()));
		}
		catch (Exception e) {
			seen.put(e.getClass().getSimpleName(), e.getMessage());
		}
		for (String attribute : List.of(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
				HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
				HandlerMapping.MATRIX_VARIABLES_ATTRIBUTE, HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE,
				HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE)) {
			seen.put(attribute.substring(attribute.lastIndexOf('.') + 1), request.getAttribute(attribute));
		}
		return seen.toString();
	}

	private static Boolean decision(AuthorizationManager<jakarta.servlet.http.HttpServletRequest> manager,
			Authentication person, String method, String path, DispatcherType dispatch, boolean parsed) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setDispatcherType(dispatch);
		if (parsed) {
			// parsed up front, else the walk parses it again for each rule (and finds the same path): a faster test
			ServletRequestPathUtils.parseAndCache(request);
		}
		Supplier<Authentication> who = () -> person;
		AuthorizationResult result = manager.authorize(who, request);
		return result == null ? null : result.isGranted();
	}
}
