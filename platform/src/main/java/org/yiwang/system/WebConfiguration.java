package org.yiwang.system;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Locale switching and the one clock every deadline is compared against.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("yiwang-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		// Pages are Chinese until switched; API clients choose with Accept-Language.
		resolver.setDefaultLocaleFunction(request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				? Locales.fromHeaders(request) : Locales.DEFAULT);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/**
	 * Ticks in microseconds, PostgreSQL's precision, so an instant reads back as it was written. With demo data on, the
	 * administrator may move it forward ({@link DemoClock}).
	 */
	@Bean
	Clock clock(@org.springframework.beans.factory.annotation.Value("${yiwang.demo:true}") boolean demo) {
		Clock system = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
		return demo ? new DemoClock(system) : system;
	}
}
