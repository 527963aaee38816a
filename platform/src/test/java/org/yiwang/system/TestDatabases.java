package org.yiwang.system;

import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Gives every {@code @SpringBootTest} context a database of its own on the test JVM's one embedded PostgreSQL
 * ({@link TestDatabaseServer}) instead of a server of its own: no initdb, no server start and no migration per
 * context. Registered in {@code META-INF/spring.factories} of the tests; it is the same for every context, so it adds
 * no context configuration. A test that names its own {@code spring.datasource.url} keeps it;
 * {@code -Dyiwang.test.shared-database=false} (in {@code -DargLine}) gives every context its own server as before.
 */
public class TestDatabases implements ContextCustomizerFactory {

	static final String PROPERTY_SOURCE = "yiwangTestDatabase";

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean shared = Boolean.parseBoolean(System.getProperty("yiwang.test.shared-database", "true"));
		return shared && TestContextAnnotationUtils.hasAnnotation(testClass, SpringBootTest.class) ? new Customizer()
				: null;
	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			if (context.getEnvironment().containsProperty("spring.datasource.url")) {
				return;
			}
			context.getEnvironment().getPropertySources().addFirst(
					new MapPropertySource(PROPERTY_SOURCE, TestDatabaseServer.get().newDatabase(context)));
			context.getBeanFactory().addBeanPostProcessor(new IdlePools());
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}
	}

	/**
	 * The contexts of a test JVM now share one server and its connection limit, and a cached context keeps its pools
	 * open: a pool holds two idle connections, not its maximum, and lets the others go after ten seconds unused.
	 */
	private static final class IdlePools implements BeanPostProcessor {

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if (bean instanceof HikariDataSource pool && (pool.getMinimumIdle() < 0 || pool.getMinimumIdle() > 2)) {
				pool.setMinimumIdle(2);
				pool.setIdleTimeout(10_000);
			}
			return bean;
		}
	}
}
