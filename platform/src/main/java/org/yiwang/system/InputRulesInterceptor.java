package org.yiwang.system;

import java.util.Map;

import org.springframework.web.servlet.HandlerInterceptor;
import org.yiwang.kernel.InputRefused;
import org.yiwang.kernel.InputRules;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The text rules of {@link InputRules} for every form field and query parameter of every page and API, before any
 * controller reads them: names and titles hold no invisible format character, other text no bidi control. JSON
 * bodies get the same rules from {@link InputRulesModule}.
 */
class InputRulesInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String field = parameter.getKey();
			for (String value : parameter.getValue()) {
				check(field, value);
			}
		}
		return true;
	}

	static void check(String field, String value) {
		try {
			if (InputRules.isNameField(field)) {
				InputRules.name(field, value);
			}
			else {
				InputRules.text(field, value);
			}
		}
		catch (InputRefused refused) {
			throw Refusal.invalid(field, refused.messageKey(), refused.arguments());
		}
	}
}
