package org.yiwang.system;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id for new password hashes; bcrypt hashes still verify and are upgraded at the next sign-in. The cost is Spring
 * Security's default (16 MiB, 2 passes: some 30–50 ms of one core a hash here), set by
 * {@code yiwang.passwords.argon2-memory-kib} and {@code …argon2-iterations}; a hash made at a lower cost is upgraded at
 * its owner's next sign-in. Only the tests lower it (they sign up thousands of accounts; a hash was half their CPU).
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	/** Spring Security's defaults since 5.8, which production keeps. */
	static final int MEMORY_KIB = 1 << 14;

	static final int ITERATIONS = 2;

	private static final Logger log = LoggerFactory.getLogger(PasswordHashing.class);

	@Bean
	PasswordEncoder passwordEncoder(@Value("${yiwang.passwords.argon2-memory-kib:" + MEMORY_KIB + "}") int memoryKib,
			@Value("${yiwang.passwords.argon2-iterations:" + ITERATIONS + "}") int iterations) {
		if (memoryKib < MEMORY_KIB || iterations < ITERATIONS) {
			log.warn("Password hashes are made at a lower cost than the default (Argon2id, {} KiB, {} passes, against {} KiB,"
					+ " {} passes): fit for tests only; unset yiwang.passwords.argon2-* in production", memoryKib, iterations,
					MEMORY_KIB, ITERATIONS);
		}
		return encoder(memoryKib, iterations);
	}

	/** The platform's encoder at a given Argon2id cost (salt 16 bytes, hash 32 bytes, one lane). */
	static PasswordEncoder encoder(int memoryKib, int iterations) {
		if (memoryKib < 8 || iterations < 1) {
			throw new IllegalArgumentException("Argon2id needs at least 8 KiB and 1 pass (yiwang.passwords.argon2-memory-kib,"
					+ " yiwang.passwords.argon2-iterations), not " + memoryKib + " KiB and " + iterations);
		}
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", new Argon2PasswordEncoder(16, 32, 1, memoryKib,
				iterations), "bcrypt", new BCryptPasswordEncoder()));
	}
}
