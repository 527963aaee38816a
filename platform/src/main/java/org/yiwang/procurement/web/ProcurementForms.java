package org.yiwang.procurement.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.ui.Model;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.InputRefused;
import org.yiwang.kernel.InputRules;
import org.yiwang.kernel.Role;
import org.yiwang.procurement.ProcurementDesk;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * How the procurement and framework pages read their form fields: each typed value or a refusal naming the field, so
 * both controllers give the same message for the same mistake. (Extracted from the two controllers, which each had
 * their own copy.)
 */
final class ProcurementForms {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private ProcurementForms() {
	}

	/** The categories a case or framework may be registered in, and the regions, for a registration form. */
	static void registrationChoices(Model model, Catalog catalog) {
		model.addAttribute("regions", catalog.regions());
		model.addAttribute("categories", catalog.enabledCategories().stream()
			.filter(c -> ProcurementDesk.procuredHere(c.family())).toList());
	}

	static boolean staff() {
		return Actors.current().map(ProcurementForms::staff).orElse(false);
	}

	static boolean staff(Acting a) {
		return a.hasRole(Role.CENTER_STAFF) || a.hasRole(Role.PLATFORM_ADMIN);
	}

	static BigDecimal decimal(String field, String amount) {
		if (amount == null || amount.isBlank()) {
			return null;
		}
		try {
			return InputRules.number(amount);
		}
		catch (InputRefused e) {
			throw Refusal.input(field, e);
		}
	}

	static Integer integer(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalid(field, "procurement.number.form", value);
		}
	}

	/** A constant of {@code values} by name; anything else refused with {@code problem} on the field. */
	static <E extends Enum<E>> E named(E[] values, String field, String value, String problem) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Arrays.stream(values).filter(v -> v.name().equals(value.strip())).findFirst()
			.orElseThrow(() -> Refusal.invalid(field, problem));
	}

	/** A {@code datetime-local} value read in Beijing time. */
	static Instant dateTime(String field, String value, String problem) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(CHINA).toInstant();
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalid(field, problem);
		}
	}

	/** Fields named {@code prefix + supplier id} (one per supplier row of a form), blank ones left out. */
	static Map<EntityId, String> perSupplier(Map<String, String> params, String prefix) {
		Map<EntityId, String> values = new HashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(prefix) && value != null && !value.isBlank()) {
				try {
					values.put(new EntityId(UUID.fromString(name.substring(prefix.length()))), value);
				}
				catch (IllegalArgumentException ignored) {
					// a field no form of ours makes: not a supplier
				}
			}
		});
		return values;
	}

	/** The same, each value a decimal read for {@code field}. */
	static Map<EntityId, BigDecimal> decimals(Map<String, String> params, String prefix, String field) {
		Map<EntityId, BigDecimal> values = new HashMap<>();
		perSupplier(params, prefix).forEach((s, v) -> values.put(s, decimal(field, v)));
		return values;
	}

	/** Words split at line breaks, commas and semicolons (credit codes, names). */
	static List<String> list(String text, String separators) {
		return text == null ? List.of()
				: Arrays.stream(text.split(separators)).filter(s -> !s.isBlank()).map(String::strip).toList();
	}

	/** {@code B0101:3, B0102:2} → specialty → seats; anything else is a field error naming the pair. */
	static Map<String, Integer> seats(String field, String text) {
		Map<String, Integer> seats = new LinkedHashMap<>();
		for (String pair : list(text, "[\\s,，;；]+")) {
			String[] parts = pair.split("[:：]");
			if (parts.length != 2 || !parts[0].strip().matches("[A-Z][0-9]{2,6}")
					|| !parts[1].strip().matches("[0-9]{1,2}")) {
				throw Refusal.invalid(field, "procurement.team.seats.form", pair);
			}
			seats.merge(parts[0].strip(), Integer.valueOf(parts[1].strip()), Integer::sum);
		}
		return seats;
	}
}
