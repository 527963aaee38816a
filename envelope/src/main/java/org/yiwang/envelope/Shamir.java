package org.yiwang.envelope;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shamir's k-of-n secret sharing over GF(2^8) (the AES field, polynomial x^8+x^4+x^3+x+1), byte by byte: each secret
 * byte is the constant term of a random polynomial of degree k-1, and share x holds its values at x = 1..n. Any k
 * shares give the secret back by Lagrange interpolation at 0; fewer give bytes independent of it.
 */
public final class Shamir {

	/** One share: its x (1..255) and one y per secret byte. Encoded as x followed by the y bytes. */
	public record Share(int x, byte[] y) {

		public byte[] encoded() {
			byte[] out = new byte[y.length + 1];
			out[0] = (byte) x;
			System.arraycopy(y, 0, out, 1, y.length);
			return out;
		}

		public static Share decode(byte[] encoded) {
			if (encoded == null || encoded.length < 2 || encoded[0] == 0) {
				throw new IllegalArgumentException("not a share");
			}
			return new Share(encoded[0] & 0xff, Arrays.copyOfRange(encoded, 1, encoded.length));
		}
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int[] EXP = new int[512];

	private static final int[] LOG = new int[256];

	static {
		int x = 1;
		for (int i = 0; i < 255; i++) {
			EXP[i] = x;
			LOG[x] = i;
			x ^= (x << 1) ^ ((x & 0x80) != 0 ? 0x11b ^ 0x100 : 0); // multiply by generator 3
			x &= 0xff;
		}
		for (int i = 255; i < 512; i++) {
			EXP[i] = EXP[i - 255];
		}
	}

	private Shamir() {
	}

	public static List<Share> split(byte[] secret, int threshold, int shares) {
		if (threshold < 1 || shares < threshold || shares > 255) {
			throw new IllegalArgumentException("need 1 <= threshold <= shares <= 255");
		}
		if (secret.length == 0) {
			throw new IllegalArgumentException("nothing to share");
		}
		byte[][] ys = new byte[shares][secret.length];
		byte[] coefficients = new byte[threshold];
		for (int b = 0; b < secret.length; b++) {
			coefficients[0] = secret[b];
			byte[] random = new byte[threshold - 1];
			RANDOM.nextBytes(random);
			System.arraycopy(random, 0, coefficients, 1, threshold - 1);
			for (int s = 0; s < shares; s++) {
				int x = s + 1;
				int y = 0;
				for (int c = threshold - 1; c >= 0; c--) {
					y = mul(y, x) ^ (coefficients[c] & 0xff);
				}
				ys[s][b] = (byte) y;
			}
			Arrays.fill(coefficients, (byte) 0);
		}
		List<Share> out = new ArrayList<>();
		for (int s = 0; s < shares; s++) {
			out.add(new Share(s + 1, ys[s]));
		}
		return out;
	}

	/** The secret from shares (as many as the threshold, or more); with fewer, a wrong value. */
	public static byte[] combine(List<Share> shares) {
		if (shares.isEmpty()) {
			throw new IllegalArgumentException("no shares");
		}
		int length = shares.get(0).y().length;
		Set<Integer> xs = new HashSet<>();
		for (Share share : shares) {
			if (share.y().length != length || share.x() < 1 || share.x() > 255 || !xs.add(share.x())) {
				throw new IllegalArgumentException("shares of different secrets, or the same share twice");
			}
		}
		byte[] secret = new byte[length];
		for (int i = 0; i < shares.size(); i++) {
			int xi = shares.get(i).x();
			// Lagrange basis at 0: product of xj / (xj - xi) = xj / (xj ^ xi) in GF(2^8)
			int basis = 1;
			for (int j = 0; j < shares.size(); j++) {
				if (j != i) {
					int xj = shares.get(j).x();
					basis = mul(basis, div(xj, xj ^ xi));
				}
			}
			byte[] y = shares.get(i).y();
			for (int b = 0; b < length; b++) {
				secret[b] ^= (byte) mul(y[b] & 0xff, basis);
			}
		}
		return secret;
	}

	static int mul(int a, int b) {
		return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
	}

	static int div(int a, int b) {
		if (b == 0) {
			throw new ArithmeticException("division by zero in GF(256)");
		}
		return a == 0 ? 0 : EXP[LOG[a] + 255 - LOG[b]];
	}
}
