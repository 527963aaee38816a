package org.yiwang.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ShamirTests {

	@Property(tries = 200)
	void anyThresholdOfSharesReconstructsAndFewerDoNot(@ForAll @Size(min = 1, max = 64) byte[] secretBytes,
			@ForAll @IntRange(min = 2, max = 7) int threshold, @ForAll @IntRange(min = 0, max = 5) int extra,
			@ForAll long seed) {
		byte[] secret = secretBytes;
		int n = threshold + extra;
		List<Shamir.Share> shares = new ArrayList<>(Shamir.split(secret, threshold, n));
		Collections.shuffle(shares, new Random(seed));
		assertThat(Shamir.combine(shares.subList(0, threshold))).isEqualTo(secret);
		assertThat(Shamir.combine(shares)).isEqualTo(secret);
		List<Shamir.Share> encoded = shares.subList(0, threshold).stream()
			.map(s -> Shamir.Share.decode(s.encoded())).toList();
		assertThat(Shamir.combine(encoded)).isEqualTo(secret);
		if (secret.length >= 8) {
			// k-1 shares interpolate to a random polynomial's value: not the secret (2^-64 chance it is).
			assertThat(Shamir.combine(shares.subList(0, threshold - 1))).isNotEqualTo(secret);
		}
	}

	@Property(tries = 50)
	void fieldArithmeticIsAField(@ForAll @IntRange(min = 1, max = 255) int a, @ForAll @IntRange(min = 1, max = 255) int b) {
		assertThat(Shamir.div(Shamir.mul(a, b), b)).isEqualTo(a);
		assertThat(Shamir.mul(a, 1)).isEqualTo(a);
	}
}
