package org.yiwang.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.Arrays;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sessions in PostgreSQL (Spring Session JDBC; tables by the migration system/V20261127.2930) when
 * {@code yiwang.cluster.jdbc-sessions=true}: any node reads the session another wrote, and a sign-in survives a node's
 * death. Off by default: one node keeps the servlet container's sessions, with no database work per request. The idle
 * timeout is the repository's 30 minutes, as {@code server.servlet.session.timeout}; the cookie ({@code SESSION})
 * takes its flags from {@code server.servlet.session.cookie.*} through Boot's session auto-configuration.
 * <p>
 * A session's attributes are stored with Java serialization, which refuses the plain records pages hand over as flash
 * attributes (a form typed back after a refusal, a view of what was saved): {@link #codec} writes such a record as its
 * class and components and reads it back through its canonical constructor, so a redirect served by another node
 * shows the same message.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("yiwang.cluster.jdbc-sessions")
@EnableJdbcHttpSession(tableName = SessionStore.TABLE)
public class SessionStore {

	static final String TABLE = "SYSTEM.SPRING_SESSION";

	/**
	 * The sessions' own transactions, without the region scope the application's transaction manager sets at each
	 * start: that scope comes from the signed-in person, whom Spring Security reads from the session, so loading the
	 * session inside a scoped transaction asked for the session again, each time on a new connection, until the pool
	 * was empty (every request of a signed-in visitor timed out). The session tables are not region-scoped.
	 */
	@Bean
	@SpringSessionTransactionManager
	PlatformTransactionManager sessionTransactionManager(DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

	/**
	 * What the session filter uses: Spring Session's repository behind what this node kept of the sessions it read and
	 * a last access written at most once a {@code yiwang.cluster.sessions.last-access-step} (docs/cluster.md).
	 */
	@Bean
	@Primary
	CachedSessions cachedSessions(JdbcIndexedSessionRepository sessions, DataSource dataSource, ClusterFeed feed,
			@Value("${yiwang.cluster.sessions.kept-for:10s}") String keptFor,
			@Value("${yiwang.cluster.sessions.last-access-step:1m}") String lastAccessStep) {
		return new CachedSessions(sessions, new JdbcTemplate(dataSource), TABLE, feed, Clock.systemUTC(),
				DurationStyle.detectAndParse(keptFor), DurationStyle.detectAndParse(lastAccessStep));
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeCodec() {
		return repository -> repository.setConversionService(codec(SessionStore.class.getClassLoader()));
	}

	/** How session attributes become bytes and back: Java serialization, records of any kind included. */
	public static GenericConversionService codec(ClassLoader loader) {
		GenericConversionService codec = new GenericConversionService();
		codec.addConverter(Object.class, byte[].class, SessionStore::write);
		codec.addConverter(byte[].class, Object.class, bytes -> read(bytes, loader));
		return codec;
	}

	static byte[] write(Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (ObjectOutputStream out = new RecordsAsComponents(bytes)) {
			out.writeObject(value);
		}
		catch (IOException e) {
			throw new IllegalArgumentException("A session attribute cannot be stored: " + e.getMessage(), e);
		}
		return bytes.toByteArray();
	}

	static Object read(byte[] bytes, ClassLoader loader) {
		try (ObjectInputStream in = new ConfigurableObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
			return in.readObject();
		}
		catch (IOException | ClassNotFoundException e) {
			throw new IllegalArgumentException("A stored session attribute cannot be read: " + e.getMessage(), e);
		}
	}

	/** Replaces every record that is not serializable by its components (which are replaced in turn). */
	private static final class RecordsAsComponents extends ObjectOutputStream {

		RecordsAsComponents(ByteArrayOutputStream out) throws IOException {
			super(out);
			enableReplaceObject(true);
		}

		@Override
		protected Object replaceObject(Object obj) throws IOException {
			if (obj != null && obj.getClass().isRecord() && !(obj instanceof Serializable)) {
				return StoredRecord.of((Record) obj);
			}
			return obj;
		}
	}

	/** A record as its class's name and its components in order; read back through the canonical constructor. */
	record StoredRecord(Class<?> type, Object[] components) implements Serializable {

		static StoredRecord of(Record value) throws IOException {
			RecordComponent[] parts = value.getClass().getRecordComponents();
			Object[] components = new Object[parts.length];
			try {
				for (int i = 0; i < parts.length; i++) {
					parts[i].getAccessor().setAccessible(true);
					components[i] = parts[i].getAccessor().invoke(value);
				}
			}
			catch (ReflectiveOperationException | RuntimeException e) {
				throw new IOException("Record " + value.getClass().getName() + " cannot be read", e);
			}
			return new StoredRecord(value.getClass(), components);
		}

		@java.io.Serial
		private Object readResolve() throws ObjectStreamException {
			try {
				Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
					.toArray(Class<?>[]::new);
				Constructor<?> canonical = type.getDeclaredConstructor(types);
				canonical.setAccessible(true);
				return canonical.newInstance(components);
			}
			catch (ReflectiveOperationException | RuntimeException e) {
				InvalidObjectException refused = new InvalidObjectException("Record " + type.getName() + " cannot be made");
				refused.initCause(e);
				throw refused;
			}
		}
	}
}
