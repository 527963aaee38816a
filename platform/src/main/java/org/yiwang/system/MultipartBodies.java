package org.yiwang.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Boot's multipart resolver, except in the error dispatch: the error page never reads the failed request's parts, and
 * a multipart body that could not be parsed (no boundary, cut short) failed again there, so a refusal (403, 404)
 * of such a request came out as an empty answer with an error in the log instead of its page or problem detail.
 */
@Component(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MultipartBodies extends StandardServletMultipartResolver {

	@Override
	public boolean isMultipart(HttpServletRequest request) {
		return request.getDispatcherType() != DispatcherType.ERROR && super.isMultipart(request);
	}
}
