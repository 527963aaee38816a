package org.yiwang;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * One SMTP server (GreenMail, on a free port) per test JVM, which every {@code @SpringBootTest} context mails to
 * ({@code spring.mail.host} and {@code port}): saved-search mail is tested in the shared {@code @PlatformTest} context
 * instead of a context of its own ({@code SavedSearchMailTests} had one for its {@code @DynamicPropertySource}).
 * Registered in {@code META-INF/spring.factories} of the tests beside {@code system.TestDatabases}; it is the same for
 * every context, so it adds no context configuration. A test that names its own {@code spring.mail.host} keeps it.
 * Every context's mail lands in the one server: a test reads only the messages to an address of its own.
 */
public final class TestMailServer implements ContextCustomizerFactory {

	static final String PROPERTY_SOURCE = "yiwangTestMailServer";

	private static GreenMail server;

	/** The server of this JVM, started at the first call and stopped when the JVM ends. */
	public static synchronized GreenMail get() {
		if (server == null) {
			GreenMail started = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			started.start();
			Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "yiwang-test-mail"));
			server = started;
		}
		return server;
	}

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, SpringBootTest.class) ? new Customizer() : null;
	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			if (context.getEnvironment().containsProperty("spring.mail.host")) {
				return;
			}
			GreenMail smtp = get();
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE,
					Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", smtp.getSmtp().getPort())));
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
}
