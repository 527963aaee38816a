package org.yiwang.system;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring MVC's {@code @RequestMapping} lookup, with the mappings indexed by the literal segments their patterns start
 * with (registered in place of MVC's own through {@code WebMvcRegistrations}, {@link WebConfiguration}).
 *
 * <p>MVC finds a handler in two steps: the mappings registered for exactly this path (a map lookup), and if none of
 * them matches the request, EVERY mapping of the application in turn. Each path with a variable ({@code /auctions/{id}/bids},
 * {@code /tenders/sections/{id}}, every detail page and API resource) took the second step: several hundred
 * {@code RequestMappingInfo.getMatchingCondition} calls per request, 45% of a bid request's samples
 * (docs/benchmarks.md). Here the second step tries only the mappings that could match the path ({@link PathPrefixIndex}:
 * the ones filed under the path's own leading segments, plus those whose patterns start with a variable). Everything
 * else is MVC's: the same exact-path step first, the same {@code getMatchingMapping} on each candidate, the same
 * {@code getMappingComparator} order and ambiguity error, the same {@code handleMatch} (attributes, URI variables,
 * the observation's path pattern) and the same {@code handleNoMatch} (405 with its Allow header, 415, 406, 400) over
 * the same mappings whose path matches. CORS pre-flight requests, requests without a parsed path and mappings without
 * path patterns go to MVC's own walk. {@code RequestPathIndexTests} compares both for every mapping of the
 * application, every method.
 */
public class IndexedRequestMappings extends RequestMappingHandlerMapping {

	/** Null until the mappings are detected, and while one is registered or removed at run time: MVC's own walk. */
	private volatile Index index;

	private final Object changes = new Object();

	@Override
	protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
		super.handlerMethodsInitialized(handlerMethods);
		this.index = Index.of(this, handlerMethods);
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		synchronized (this.changes) {
			this.index = null;
			super.registerMapping(mapping, handler, method);
			this.index = Index.of(this, getHandlerMethods());
		}
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		synchronized (this.changes) {
			this.index = null;
			super.unregisterMapping(mapping);
			this.index = Index.of(this, getHandlerMethods());
		}
	}

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		Index index = this.index;
		if (index == null || CorsUtils.isPreFlightRequest(request) || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		List<Match> matches = new ArrayList<>(2);
		int[] direct = index.direct.get(lookupPath);
		if (direct != null) {
			addMatches(index, direct, matches, request);
		}
		int[] candidates = null;
		if (matches.isEmpty()) {
			candidates = index.prefixes.candidates(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
			addMatches(index, candidates, matches, request);
		}
		if (matches.isEmpty()) {
			Set<RequestMappingInfo> pathCandidates = new LinkedHashSet<>();
			for (int i : candidates) {
				pathCandidates.add(index.infos[i]);
			}
			return handleNoMatch(pathCandidates, lookupPath, request);
		}
		Match best = matches.get(0);
		if (matches.size() > 1) {
			Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
			matches.sort((a, b) -> comparator.compare(a.info, b.info));
			best = matches.get(0);
			Match second = matches.get(1);
			if (comparator.compare(best.info, second.info) == 0) {
				throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI() + "': {"
						+ best.handler.getMethod() + ", " + second.handler.getMethod() + "}");
			}
		}
		request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler);
		handleMatch(best.info, lookupPath, request);
		return best.handler;
	}

	private void addMatches(Index index, int[] mappings, List<Match> matches, HttpServletRequest request) {
		for (int i : mappings) {
			RequestMappingInfo match = getMatchingMapping(index.infos[i], request);
			if (match != null) {
				matches.add(new Match(match, index.handlers[i]));
			}
		}
	}

	/**
	 * MVC's own lookup (the walk through every mapping), for the equivalence test and the bench beside the indexed one.
	 * The request must have its parsed path, as the {@code DispatcherServlet} gives it.
	 */
	public HandlerMethod lookupByWalk(HttpServletRequest request) throws Exception {
		return super.lookupHandlerMethod(initLookupPath(request), request);
	}

	/** This mapping's lookup, as {@link #lookupByWalk} for comparison. */
	public HandlerMethod lookupByIndex(HttpServletRequest request) throws Exception {
		return lookupHandlerMethod(initLookupPath(request), request);
	}

	/** Whether the index is in use (false: every lookup is MVC's walk). */
	public boolean indexed() {
		return this.index != null;
	}

	/** How many mappings have a path with a variable or wildcard: the ones MVC's walk tries for such a path. */
	public long patternedMappings() {
		return getHandlerMethods().keySet().stream()
			.filter(info -> info.getPathPatternsCondition() == null
					|| info.getPathPatternsCondition().getPatterns().stream().anyMatch(PathPattern::hasPatternSyntax))
			.count();
	}

	private record Match(RequestMappingInfo info, HandlerMethod handler) {
	}

	/** The mappings by number, their exact paths, and their literal prefixes. */
	private record Index(RequestMappingInfo[] infos, HandlerMethod[] handlers, Map<String, int[]> direct,
			PathPrefixIndex prefixes) {

		static Index of(IndexedRequestMappings mappings, Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
			// Literal segments are compared as MVC's parser compares them; another parser or matcher: MVC's walk.
			if (!mappings.usesPathPatterns() || mappings.getPatternParser() == null
					|| !mappings.getPatternParser().isCaseSensitive()) {
				return null;
			}
			int n = handlerMethods.size();
			RequestMappingInfo[] infos = new RequestMappingInfo[n];
			HandlerMethod[] handlers = new HandlerMethod[n];
			Map<String, int[]> direct = new HashMap<>();
			List<List<String>> patterns = new ArrayList<>(n);
			int i = 0;
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMethods.entrySet()) {
				RequestMappingInfo info = entry.getKey();
				infos[i] = info;
				handlers[i] = entry.getValue();
				for (String path : mappings.getDirectPaths(info)) {
					int[] before = direct.getOrDefault(path, new int[0]);
					int[] after = Arrays.copyOf(before, before.length + 1);
					after[before.length] = i;
					direct.put(path, after);
				}
				PathPatternsRequestCondition condition = info.getPathPatternsCondition();
				patterns.add(condition == null ? null
						: condition.getPatterns().stream().map(PathPattern::getPatternString).toList());
				i++;
			}
			return new Index(infos, handlers, Map.copyOf(direct), PathPrefixIndex.of(patterns));
		}
	}
}
