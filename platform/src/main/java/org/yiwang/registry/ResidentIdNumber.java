package org.yiwang.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character resident ID number (GB 11643-1999): a six-digit division code, the birth date, a sequence
 * number and a check character over the first 17 digits.
 */
public final class ResidentIdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private ResidentIdNumber() {
	}

	/** The message key of what is wrong, with the expected check character where that is it; empty when valid. */
	public static Optional<String> problem(String value, LocalDate today) {
		if (value == null || !value.matches("\\d{17}[\\dX]")) {
			return Optional.of("registry.idNumber.form");
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
			if (birth.isAfter(today) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
				return Optional.of("registry.idNumber.birth");
			}
		}
		catch (DateTimeException e) {
			return Optional.of("registry.idNumber.birth");
		}
		if (value.charAt(17) != checkCharacter(value)) {
			return Optional.of("registry.idNumber.check");
		}
		return Optional.empty();
	}

	public static char checkCharacter(String value) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (value.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	/** Shows the region and the last digit only: 500103**********1X becomes 500103********12X style masking. */
	public static String masked(String value) {
		return value.substring(0, 6) + "*".repeat(10) + value.substring(16);
	}
}
