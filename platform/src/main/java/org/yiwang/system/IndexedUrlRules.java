package org.yiwang.system;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The modules' URL rules ({@link HttpAccessRules}), decided as Spring Security decides them but without trying every
 * rule in turn. Spring Security's {@link RequestMatcherDelegatingAuthorizationManager} walks its rules in order and the
 * first whose matcher matches decides (nothing matches: denied); with every module's rules in one list that was a few
 * hundred path matches per request, each parsing the request's path again (7% of a bid request's samples). Here the
 * same rules, in the same order, are filed by the literal segments their path patterns start with ({@link
 * PathPrefixIndex}); a request tries only the rules that could match its path (those filed under its own leading
 * segments and those with no path pattern: the async dispatch, {@code anyRequest().denyAll()}), in the original order,
 * with each rule's own matcher and authorization manager: the first that matches decides, as before, and nothing
 * matching is denied, as before. The path is parsed once for the walk.
 *
 * <p>Spring Security keeps the rule list and each matcher's pattern private; they are read once, when the chain is
 * built. If they cannot be read (another version of Spring Security), the chain keeps Spring Security's own manager
 * and says so in the log; {@code RequestPathIndexTests} fails then, and compares both managers' decisions for every
 * mapping of the application, every method and every role.
 */
final class IndexedUrlRules implements AuthorizationManager<HttpServletRequest> {

	private static final Log log = LogFactory.getLog(IndexedUrlRules.class);

	private static final AuthorizationDecision DENY = new AuthorizationDecision(false);

	/** Put on each chain's {@code authorizeHttpRequests}: replaces the manager it builds from the rules. */
	static final ObjectPostProcessor<AuthorizationManager<HttpServletRequest>> INDEX = new ObjectPostProcessor<>() {

		@Override
		@SuppressWarnings("unchecked")
		public <O extends AuthorizationManager<HttpServletRequest>> O postProcess(O manager) {
			return manager instanceof RequestMatcherDelegatingAuthorizationManager rules ? (O) of(rules) : manager;
		}
	};

	private final RequestMatcherDelegatingAuthorizationManager original;

	private final RequestMatcher[] matchers;

	private final List<AuthorizationManager<? super RequestAuthorizationContext>> managers;

	private final PathPrefixIndex index;

	private IndexedUrlRules(RequestMatcherDelegatingAuthorizationManager original,
			List<RequestMatcherEntry<AuthorizationManager<? super RequestAuthorizationContext>>> rules,
			List<Collection<String>> patterns) {
		this.original = original;
		this.matchers = rules.stream().map(RequestMatcherEntry::getRequestMatcher).toArray(RequestMatcher[]::new);
		this.managers = rules.stream().<AuthorizationManager<? super RequestAuthorizationContext>>map(RequestMatcherEntry::getEntry).toList();
		this.index = PathPrefixIndex.of(patterns);
	}

	/** The indexed rules of this manager, or the manager itself where its rules cannot be read. */
	static AuthorizationManager<HttpServletRequest> of(RequestMatcherDelegatingAuthorizationManager manager) {
		try {
			@SuppressWarnings("unchecked")
			List<RequestMatcherEntry<AuthorizationManager<? super RequestAuthorizationContext>>> rules =
					(List<RequestMatcherEntry<AuthorizationManager<? super RequestAuthorizationContext>>>) field(
							RequestMatcherDelegatingAuthorizationManager.class, "mappings").get(manager);
			Field patternField = field(PathPatternRequestMatcher.class, "pattern");
			List<Collection<String>> patterns = new ArrayList<>(rules.size());
			for (RequestMatcherEntry<?> rule : rules) {
				// Only a path pattern matcher is filed by its path; any other kind of rule is tried for every path.
				patterns.add(rule.getRequestMatcher() instanceof PathPatternRequestMatcher matcher
						? List.of(((PathPattern) patternField.get(matcher)).getPatternString()) : null);
			}
			return new IndexedUrlRules(manager, List.copyOf(rules), patterns);
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			log.warn("URL rules not indexed (Spring Security's rule list could not be read): every request walks them", e);
			return manager;
		}
	}

	private static Field field(Class<?> type, String name) throws NoSuchFieldException {
		Field field = type.getDeclaredField(name);
		field.setAccessible(true);
		return field;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, HttpServletRequest request) {
		// The path as each PathPatternRequestMatcher reads it: the one parsed for this request, else parsed here once.
		boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
		RequestPath path;
		try {
			path = parsed ? ServletRequestPathUtils.getParsedRequestPath(request) : ServletRequestPathUtils.parseAndCache(request);
		}
		catch (RuntimeException unparsable) {
			// whatever Spring Security's walk makes of such a request (a rule before the path rules may still decide)
			return this.original.authorize(authentication, request);
		}
		int rule = -1;
		RequestMatcher.MatchResult match = null;
		try {
			for (int candidate : this.index.candidates(path.pathWithinApplication())) {
				RequestMatcher.MatchResult result = this.matchers[candidate].matcher(request);
				if (result.isMatch()) {
					rule = candidate;
					match = result;
					break;
				}
			}
		}
		finally {
			if (!parsed) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
		if (rule < 0) {
			return DENY;
		}
		return this.managers.get(rule).authorize(authentication, new RequestAuthorizationContext(request, match.getVariables()));
	}

	/** Spring Security's own manager for these rules (the walk), for the equivalence test and the bench. */
	AuthorizationManager<HttpServletRequest> original() {
		return this.original;
	}

	/** How many rules there are. */
	int rules() {
		return this.matchers.length;
	}
}
