package org.yiwang.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The OpenAPI document says how the API authenticates and how it fails: the bearer-token security scheme, applied to
 * every operation (optional where the access rules let anyone in, as the API chain's own authorization decides), and
 * the RFC 9457 problem every error answers with ({@code Problem}, as application/problem+json) for each error status
 * an operation can meet. Sessions are not a scheme: the API chain reads no session cookie.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiDocumentation {

	static final String BEARER = "bearerToken";

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final Map<String, String> ERRORS = Map.of(
			"400", "The request is not valid: the detail says what to change; errors names each field",
			"401", "No valid bearer token: the token is missing, unknown, expired or revoked",
			"403", "The token's account may not do this",
			"404", "No such record, or none this account may see (the two are not told apart)",
			"406", "The Accept header asks for a format the operation cannot answer in",
			"409", "The request conflicts with what exists (changed meanwhile, a duplicate)",
			"413", "The body is larger than the limit (2 MB; files are uploaded as multipart, 10 MB)",
			"415", "The body's Content-Type is not one the operation reads",
			"500", "The platform failed; no data was lost. Try again later",
			"503", "The platform is starting (Retry-After says when to try again)");

	@Bean
	OpenApiCustomizer apiDocumentationCustomizer(@Qualifier("apiChain") SecurityFilterChain apiChain) {
		AuthorizationManager<HttpServletRequest> access = apiChain.getFilters().stream()
			.filter(AuthorizationFilter.class::isInstance).map(f -> ((AuthorizationFilter) f).getAuthorizationManager())
			.findFirst().orElseThrow();
		return openApi -> document(openApi, access);
	}

	private static void document(OpenAPI openApi, AuthorizationManager<HttpServletRequest> access) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		openApi.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer").bearerFormat("ywt_…")
			.description("An API token of a machine client (Authorization: Bearer ywt_…), issued by the trading "
					+ "center's administrators; see docs/api.md"));
		openApi.getComponents().addSchemas(PROBLEM, problemSchema());
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			boolean open = anyoneMay(access, method, path);
			operation.setSecurity(open ? List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER))
					: List.of(new SecurityRequirement().addList(BEARER)));
			errors(operation, method, open);
		}));
	}

	private static void errors(Operation operation, PathItem.HttpMethod method, boolean open) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		ApiResponses responses = operation.getResponses();
		boolean body = operation.getRequestBody() != null;
		ERRORS.forEach((code, description) -> {
			boolean applies = switch (code) {
				case "403" -> !open;
				case "409" -> method != PathItem.HttpMethod.GET;
				case "413", "415" -> body;
				default -> true;
			};
			if (applies && !responses.containsKey(code)) {
				responses.addApiResponse(code, new ApiResponse().description(description));
			}
		});
		Content problem = new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
		responses.forEach((code, response) -> {
			if (code.length() == 3 && (code.startsWith("4") || code.startsWith("5"))) {
				response.setContent(problem);
			}
		});
	}

	private static Schema<?> problemSchema() {
		Schema<Object> error = new ObjectSchema().addProperty("field", new StringSchema().description("the field"))
			.addProperty("message", new StringSchema().description("what is wrong with it"));
		return new ObjectSchema().description("RFC 9457 problem details: every API error, in the client's language "
				+ "(Accept-Language; Chinese by default)")
			.addProperty("type", new StringSchema().format("uri").example("about:blank"))
			.addProperty("title", new StringSchema().description("the status, in words"))
			.addProperty("status", new IntegerSchema().description("the HTTP status"))
			.addProperty("detail", new StringSchema().description("what went wrong and what to do instead"))
			.addProperty("instance", new StringSchema().format("uri-reference").description("the request's path"))
			.addProperty("errors", new ArraySchema().items(error).description("for invalid input: each field and why"))
			.required(List.of("title", "status", "detail"));
	}

	/** Whether the API chain's authorization lets an anonymous caller through to method and path. */
	private static boolean anyoneMay(AuthorizationManager<HttpServletRequest> access, PathItem.HttpMethod method,
			String path) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current)) {
			return false;
		}
		String uri = path.replaceAll("\\{[^}]+}", "x");
		HttpServletRequest probe = new Probe(current.getRequest(), method.name(), uri);
		Supplier<Authentication> anonymous = () -> new AnonymousAuthenticationToken("api-docs", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		AuthorizationResult result = access.authorize(anonymous, probe);
		return result != null && result.isGranted();
	}

	/** A request for method and path that is never sent: attributes of its own, nothing else of the real one's. */
	private static final class Probe extends HttpServletRequestWrapper {

		private final String method;

		private final String uri;

		private final Map<String, Object> attributes = new HashMap<>();

		Probe(HttpServletRequest request, String method, String uri) {
			super(request);
			this.method = method;
			this.uri = uri;
		}

		@Override
		public String getMethod() {
			return method;
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + uri;
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(getRequestURI());
		}

		@Override
		public String getServletPath() {
			return uri;
		}

		@Override
		public String getPathInfo() {
			return null;
		}

		@Override
		public String getQueryString() {
			return null;
		}

		@Override
		public DispatcherType getDispatcherType() {
			return DispatcherType.REQUEST;
		}

		@Override
		public Object getAttribute(String name) {
			return attributes.get(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			attributes.remove(name);
		}

		@Override
		public java.util.Enumeration<String> getAttributeNames() {
			return java.util.Collections.enumeration(attributes.keySet());
		}
	}
}
