package org.yiwang.auction.web;

import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The live page's bid ({@code POST /auctions/{id}/bids}) found without a walk through every mapping of the
 * application. Its path has a variable, so Spring MVC's own lookup matches the request against each of the several
 * hundred patterned mappings in turn: 40% of a request thread's samples in a contested auction (docs/benchmarks.md).
 * Here the request is matched against that one mapping only, the same {@link RequestMappingInfo} and handler method
 * the controller declared, with the same interceptors and CORS configuration; the request attributes are the ones
 * MVC's match sets. Everything else (security before it, argument resolution, the controller, the answer) is as
 * before; a request this mapping does not take goes on to MVC's own.
 */
@Component
class BidMapping extends AbstractHandlerMapping {

	private final RequestMappingInfo info;

	private final HandlerMethod handler;

	BidMapping(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc) {
		Map.Entry<RequestMappingInfo, HandlerMethod> bid = mvc.getHandlerMethods().entrySet().stream()
			.filter(e -> e.getValue().getBeanType() == BidController.class && e.getValue().getMethod().getName().equals("bid"))
			.findFirst().orElseThrow(() -> new IllegalStateException("BidController.bid is not mapped"));
		this.info = bid.getKey();
		this.handler = bid.getValue();
		setInterceptors((Object[]) mvc.getAdaptedInterceptors());
		if (mvc.getCorsConfigurationSource() != null) {
			setCorsConfigurationSource(mvc.getCorsConfigurationSource());
		}
		// Before MVC's own mapping (order 0).
		setOrder(-1);
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) throws Exception {
		if (!"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/bids")) {
			return null;
		}
		String lookupPath = initLookupPath(request);
		RequestMappingInfo match = info.getMatchingCondition(request);
		PathPatternsRequestCondition patterns = match == null ? null : match.getPathPatternsCondition();
		if (patterns == null) {
			return null;
		}
		// What RequestMappingInfoHandlerMapping.handleMatch sets for a match.
		request.setAttribute(PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, lookupPath);
		match.getVersionCondition().handleMatch(request);
		PathPattern pattern = patterns.getFirstPattern();
		PathPattern.PathMatchInfo matched = pattern
			.matchAndExtract(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
		if (matched == null) {
			return null;
		}
		request.setAttribute(BEST_MATCHING_PATTERN_ATTRIBUTE, pattern.getPatternString());
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent(context -> context.setPathPattern(pattern.getPatternString()));
		request.setAttribute(URI_TEMPLATE_VARIABLES_ATTRIBUTE, matched.getUriVariables());
		request.setAttribute(MATRIX_VARIABLES_ATTRIBUTE, matched.getMatrixVariables());
		if (!match.getProducesCondition().getProducibleMediaTypes().isEmpty()) {
			request.setAttribute(PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE, match.getProducesCondition().getProducibleMediaTypes());
		}
		request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
		return handler.createWithResolvedBean();
	}
}
