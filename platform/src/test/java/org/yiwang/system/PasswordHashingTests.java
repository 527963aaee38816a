package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password hash's cost: production keeps Spring Security's Argon2id default; the tests' lower cost (their
 * application-test.properties) makes hashes that production upgrades at the next sign-in.
 */
class PasswordHashingTests {

	static final String PASSWORD = "Strong-pass-2026";

	final PasswordEncoder production = PasswordHashing.encoder(PasswordHashing.MEMORY_KIB, PasswordHashing.ITERATIONS);

	@Test
	void production_hashes_at_spring_securitys_default_cost() {
		String hash = production.encode(PASSWORD);
		String spring = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=16384,t=2,p=1$");
		assertThat(parameters(hash)).as("Spring Security's own").isEqualTo(parameters(spring));
		assertThat(production.matches(PASSWORD, hash)).isTrue();
		assertThat(production.matches("Wrong-pass-1", hash)).isFalse();
	}

	@Test
	void a_cheaper_hash_verifies_and_is_upgraded_and_a_bcrypt_one_too() {
		PasswordEncoder cheap = PasswordHashing.encoder(64, 1);
		String hash = cheap.encode(PASSWORD);
		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=64,t=1,p=1$");
		assertThat(production.matches(PASSWORD, hash)).as("the cost is read from the hash").isTrue();
		assertThat(production.upgradeEncoding(hash)).as("upgraded at the next sign-in").isTrue();
		assertThat(production.upgradeEncoding(production.encode(PASSWORD))).isFalse();
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
		assertThat(production.matches(PASSWORD, bcrypt)).isTrue();
		assertThat(production.upgradeEncoding(bcrypt)).isTrue();
	}

	@Test
	void a_cost_argon2_cannot_run_is_refused_with_the_settings_to_fix() {
		assertThatThrownBy(() -> PasswordHashing.encoder(4, 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("yiwang.passwords.argon2-memory-kib");
		assertThatThrownBy(() -> PasswordHashing.encoder(64, 0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("yiwang.passwords.argon2-iterations");
	}

	/** A hash's "$argon2id$v=19$m=…,t=…,p=…" (without its salt and value). */
	private static String parameters(String hash) {
		String[] parts = hash.replace("{argon2}", "").split("\\$");
		return String.join("$", parts[0], parts[1], parts[2], parts[3]);
	}
}
