package org.yiwang.system;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Locale switching, the one clock every deadline is compared against, no rewriting of page links, and flash
 * attributes for whole pages only.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {


	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(Locales.LANGUAGE_COOKIE);
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
		// not in the error dispatch: there a body that could not be parsed fails again on reading ?lang (the error page
		// of a refused multipart request was lost that way); the locale is the one the failed request had
		registry.addInterceptor(interceptor).excludePathPatterns("/error");
		registry.addInterceptor(new LayoutModel());
		registry.addInterceptor(new InputRulesInterceptor());
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		InputParsers.register(registry);
	}

	/**
	 * JSON request bodies are read under the input rules, by a converter placed just before the usual one that only
	 * reads (its mapper is the usual one with the rules added); responses are written by the usual converter as before.
	 */
	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		for (int i = 0; i < converters.size(); i++) {
			if (converters.get(i) instanceof JacksonJsonHttpMessageConverter json) {
				converters.add(i, new RuledJsonReader(json.getMapper().rebuild().addModule(new InputRulesModule()).build()));
				return;
			}
		}
	}

	/** Reads JSON with the input rules; never writes. */
	static final class RuledJsonReader extends JacksonJsonHttpMessageConverter {

		RuledJsonReader(JsonMapper mapper) {
			super(mapper);
		}

		@Override
		public boolean canWrite(Class<?> type, MediaType mediaType) {
			return false;
		}

		@Override
		public boolean canWrite(org.springframework.core.ResolvableType type, Class<?> valueClass, MediaType mediaType) {
			return false;
		}
	}

	/**
	 * Spring Boot registers {@link ResourceUrlEncodingFilter} because the webjars locator turns the resource chain on.
	 * It would rewrite links to static files with a version, which the platform does not use, and it costs: every link a
	 * page renders that is not a static file (nearly all of them) is looked up in every static location on the
	 * classpath, each time, because a miss is not cached. That was a sixth of the portal home's CPU under load. The
	 * webjars themselves still resolve without versions in their URLs (the chain stays on).
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * MVC's handler lookup with the mappings indexed by their leading literal path segments: a path with a variable is
	 * matched against the few mappings that could match it, not against every mapping of the application
	 * ({@link IndexedRequestMappings}).
	 */
	@Bean
	WebMvcRegistrations indexedRequestMappings() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new IndexedRequestMappings();
			}
		};
	}

	/** Named so that the DispatcherServlet (and Spring Boot, which then backs off) takes it. */
	@Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	FlashMapManager flashMapManager() {
		return new FragmentFlashMaps();
	}

	/**
	 * Ticks in microseconds, PostgreSQL's precision, so an instant reads back as it was written. With demo data on, the
	 * administrator may move it forward ({@link DemoClock}).
	 */
	@Bean
	Clock clock(@org.springframework.beans.factory.annotation.Value("${yiwang.demo:true}") boolean demo,
			@org.springframework.beans.factory.annotation.Value("${yiwang.demo.city:true}") boolean city,
			@org.springframework.beans.factory.annotation.Value("${yiwang.demo.clock.start-back:395d}") Duration startBack,
			org.springframework.beans.factory.ObjectProvider<org.springframework.jdbc.core.simple.JdbcClient> jdbc) {
		Clock system = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
		// The demo clock resumes where it stood before a restart (the JdbcClient brings the migrations first); on a
		// fresh demo database it starts a year back when the demo city will seed that year (and move it to real time).
		return demo ? new DemoClockStore(jdbc.getObject()).attach(new DemoClock(system), city ? startBack : Duration.ZERO)
				: system;
	}
}
