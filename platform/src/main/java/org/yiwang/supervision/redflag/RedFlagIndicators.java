package org.yiwang.supervision.redflag;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The red flags of one contracting process, computed from its compiled OCDS release as OCDS Cardinal defines them
 * (docs/supervision-alerts.md): a bid is submitted when its status is pending, valid or disqualified; R024 and R058 use
 * the thresholds cardinal's settings allow (0.05 and 0.50) instead of fences over the whole population, so a process's
 * flags do not change when other processes are added.
 */
public final class RedFlagIndicators {

	static final int R003_DAYS = 15;

	static final BigDecimal R024_THRESHOLD = new BigDecimal("0.05");

	static final BigDecimal R058_THRESHOLD = new BigDecimal("0.50");

	private RedFlagIndicators() {
	}

	/**
	 * A flag: the indicator, its output (cardinal's indicator value) and the evidence, as the fields and values that
	 * triggered it (JSON pointers into the compiled release).
	 */
	public record Flag(Indicator indicator, BigDecimal value, List<String> evidence) {
	}

	/**
	 * The compiled release of a process from its releases in date order (OCDS merge, simplified to what the
	 * indicators read): the tender's fields, latest wins; bids, awards and contracts by id, latest wins.
	 */
	public static Map<String, Object> compile(List<Map<String, Object>> releases) {
		Map<String, Object> tender = new LinkedHashMap<>();
		Map<String, Map<String, Object>> bids = new LinkedHashMap<>();
		Map<String, Map<String, Object>> awards = new LinkedHashMap<>();
		Map<String, Map<String, Object>> contracts = new LinkedHashMap<>();
		Map<String, Object> compiled = new LinkedHashMap<>();
		for (Map<String, Object> release : releases) {
			compiled.put("ocid", release.get("ocid"));
			Map<String, Object> t = map(release.get("tender"));
			if (t != null) {
				t.forEach((k, v) -> {
					if ("tenderPeriod".equals(k) && tender.get(k) instanceof Map<?, ?> before) {
						Map<String, Object> period = new LinkedHashMap<>(map(before));
						period.putAll(map(v));
						tender.put(k, period);
					}
					else {
						tender.put(k, v);
					}
				});
			}
			Map<String, Object> b = map(release.get("bids"));
			byId(b == null ? null : b.get("details"), bids);
			byId(release.get("awards"), awards);
			byId(release.get("contracts"), contracts);
		}
		compiled.put("tender", tender);
		compiled.put("bids", Map.of("details", List.copyOf(bids.values())));
		compiled.put("awards", List.copyOf(awards.values()));
		compiled.put("contracts", List.copyOf(contracts.values()));
		return compiled;
	}

	/** Every indicator that fires on the compiled release, in code order. */
	public static List<Flag> evaluate(Map<String, Object> compiled) {
		List<Flag> flags = new ArrayList<>();
		Map<String, Object> tender = map(compiled.get("tender"));
		tender = tender == null ? Map.of() : tender;
		List<Map<String, Object>> bids = list(map(compiled.get("bids")) == null ? null : map(compiled.get("bids")).get("details"));
		List<Map<String, Object>> awards = list(compiled.get("awards"));
		r003(tender, flags);
		r018(tender, flags);
		r028(bids, flags);
		boolean settledAwards = awards.stream().noneMatch(a -> "pending".equals(a.get("status")) || "invalid".equals(a.get("status")));
		List<Map<String, Object>> active = awards.stream().filter(a -> "active".equals(a.get("status"))).toList();
		r030(tender, bids, active, flags);
		if (settledAwards) {
			r035(bids, active, flags);
		}
		r036(bids, active, flags);
		if (settledAwards) {
			difference(bids, active, flags);
		}
		flags.sort(java.util.Comparator.comparing(f -> f.indicator().name()));
		return flags;
	}

	/** R003: tender period shorter than 15 days; open procedures with both dates only. */
	private static void r003(Map<String, Object> tender, List<Flag> flags) {
		Map<String, Object> period = map(tender.get("tenderPeriod"));
		if (!"open".equals(tender.get("procurementMethod")) || period == null) {
			return;
		}
		Instant start = instant(period.get("startDate"));
		Instant end = instant(period.get("endDate"));
		if (start == null || end == null) {
			return;
		}
		long days = Duration.between(start, end).toDays();
		if (days < R003_DAYS) {
			flags.add(new Flag(Indicator.R003, BigDecimal.ONE, List.of("/tender/procurementMethod = open",
					"/tender/tenderPeriod/startDate = " + period.get("startDate"),
					"/tender/tenderPeriod/endDate = " + period.get("endDate"), "period = " + days + " < " + R003_DAYS)));
		}
	}

	/** R018: one tenderer in an open or selective procedure. */
	private static void r018(Map<String, Object> tender, List<Flag> flags) {
		Object method = tender.get("procurementMethod");
		if (("open".equals(method) || "selective".equals(method)) && tender.get("numberOfTenderers") instanceof Number n
				&& n.longValue() == 1) {
			flags.add(new Flag(Indicator.R018, BigDecimal.ONE,
					List.of("/tender/procurementMethod = " + method, "/tender/numberOfTenderers = 1")));
		}
	}

	/** R028: different tenderers submitted bids with the same price. */
	private static void r028(List<Map<String, Object>> bids, List<Flag> flags) {
		Map<BigDecimal, Set<String>> byPrice = new TreeMap<>();
		for (Map<String, Object> bid : bids) {
			BigDecimal amount = amount(bid);
			if (submitted(bid) && amount != null) {
				// tenderers in identifier order: the same evidence whatever order the package lists the bids in
				byPrice.computeIfAbsent(amount.stripTrailingZeros(), a -> new java.util.TreeSet<>()).addAll(tenderers(bid));
			}
		}
		List<String> evidence = new ArrayList<>();
		byPrice.forEach((amount, tenderers) -> {
			if (tenderers.size() > 1) {
				evidence.add("/bids/details/value/amount = " + amount.toPlainString() + " ← " + String.join(", ", tenderers));
			}
		});
		if (!evidence.isEmpty()) {
			flags.add(new Flag(Indicator.R028, BigDecimal.ONE, evidence));
		}
	}

	/** R030: a valid bid received after the deadline, from a supplier of an active award. */
	private static void r030(Map<String, Object> tender, List<Map<String, Object>> bids, List<Map<String, Object>> active,
			List<Flag> flags) {
		Map<String, Object> period = map(tender.get("tenderPeriod"));
		Instant deadline = period == null ? null : instant(period.get("endDate"));
		if (deadline == null) {
			return;
		}
		Set<String> suppliers = suppliers(active);
		for (Map<String, Object> bid : bids) {
			Instant received = instant(bid.get("date"));
			if ("valid".equals(bid.get("status")) && received != null && received.isAfter(deadline)
					&& tenderers(bid).stream().anyMatch(suppliers::contains)) {
				flags.add(new Flag(Indicator.R030, BigDecimal.ONE, List.of("/tender/tenderPeriod/endDate = "
						+ period.get("endDate"), "/bids/details[id=" + bid.get("id") + "]/date = " + bid.get("date"),
						"/awards/suppliers = " + String.join(", ", tenderers(bid)))));
				return;
			}
		}
	}

	/** R035: only the winner's bids are valid and at least one other tenderer was disqualified. */
	private static void r035(List<Map<String, Object>> bids, List<Map<String, Object>> active, List<Flag> flags) {
		Set<String> valid = new LinkedHashSet<>();
		Set<String> disqualified = new LinkedHashSet<>();
		for (Map<String, Object> bid : bids) {
			if ("valid".equals(bid.get("status"))) {
				valid.addAll(tenderers(bid));
			}
			else if ("disqualified".equals(bid.get("status"))) {
				disqualified.addAll(tenderers(bid));
			}
		}
		disqualified.removeAll(valid);
		if (valid.size() == 1 && !active.isEmpty() && suppliers(active).equals(valid) && disqualified.size() >= 1) {
			flags.add(new Flag(Indicator.R035, BigDecimal.valueOf(disqualified.size()), List.of(
					"/bids/details[status=valid]/tenderers = " + String.join(", ", valid),
					"/awards[status=active]/suppliers = " + String.join(", ", suppliers(active)),
					"/bids/details[status=disqualified]/tenderers = " + String.join(", ", disqualified))));
		}
	}

	/** R036: an active award while the lowest submitted bid was disqualified. */
	private static void r036(List<Map<String, Object>> bids, List<Map<String, Object>> active, List<Flag> flags) {
		if (active.isEmpty()) {
			return;
		}
		Map<String, Object> lowest = null;
		for (Map<String, Object> bid : bids) {
			if (submitted(bid) && amount(bid) != null && (lowest == null || amount(bid).compareTo(amount(lowest)) < 0)) {
				lowest = bid;
			}
		}
		if (lowest != null && "disqualified".equals(lowest.get("status"))) {
			flags.add(new Flag(Indicator.R036, BigDecimal.ONE, List.of("/bids/details[id=" + lowest.get("id")
					+ "]/value/amount = " + amount(lowest).toPlainString() + " (lowest)",
					"/bids/details[id=" + lowest.get("id") + "]/status = disqualified")));
		}
	}

	/**
	 * R024 and R058: (second-lowest valid bid − winning bid) / winning bid. Excluded unless there is exactly one active
	 * award with one supplier, every bid has one tenderer, the winning bid is the lowest valid bid and a second exists.
	 */
	private static void difference(List<Map<String, Object>> bids, List<Map<String, Object>> active, List<Flag> flags) {
		if (active.size() != 1 || list(active.get(0).get("suppliers")).size() != 1
				|| bids.stream().anyMatch(b -> tenderers(b).size() > 1)) {
			return;
		}
		String supplier = suppliers(active).iterator().next();
		List<Map<String, Object>> valid = bids.stream().filter(b -> "valid".equals(b.get("status")) && amount(b) != null)
			.sorted(java.util.Comparator.comparing(RedFlagIndicators::amount)).toList();
		Map<String, Object> winning = valid.stream().filter(b -> tenderers(b).contains(supplier)).findFirst().orElse(null);
		if (winning == null || valid.size() < 2 || valid.get(0) != winning || amount(winning).signum() <= 0) {
			return;
		}
		BigDecimal win = amount(winning);
		BigDecimal second = amount(valid.get(1));
		BigDecimal difference = second.subtract(win).divide(win, MathContext.DECIMAL64);
		List<String> evidence = List.of("winningBidAmount = " + money(win) + " (" + supplier + ")",
				"secondLowestValidBidAmount = " + money(second) + " ("
						+ String.join(", ", tenderers(valid.get(1))) + ")",
				"difference = " + difference.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString());
		if (difference.compareTo(R024_THRESHOLD) <= 0) {
			flags.add(new Flag(Indicator.R024, difference, evidence));
		}
		if (difference.compareTo(R058_THRESHOLD) >= 0) {
			flags.add(new Flag(Indicator.R058, difference, evidence));
		}
	}

	/** An amount in yuan as people read it: two decimals at least. */
	private static String money(BigDecimal amount) {
		BigDecimal plain = amount.stripTrailingZeros();
		return (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
	}

	private static boolean submitted(Map<String, Object> bid) {
		Object status = bid.get("status");
		return "pending".equals(status) || "valid".equals(status) || "disqualified".equals(status);
	}

	private static Set<String> suppliers(List<Map<String, Object>> awards) {
		Set<String> ids = new LinkedHashSet<>();
		awards.forEach(a -> list(a.get("suppliers")).forEach(s -> ids.add(String.valueOf(s.get("id")))));
		return ids;
	}

	private static List<String> tenderers(Map<String, Object> bid) {
		return list(bid.get("tenderers")).stream().map(t -> String.valueOf(t.get("id"))).toList();
	}

	private static BigDecimal amount(Map<String, Object> bid) {
		Map<String, Object> value = map(bid.get("value"));
		Object amount = value == null ? null : value.get("amount");
		if (amount == null) {
			return null;
		}
		try {
			return amount instanceof BigDecimal d ? d : new BigDecimal(amount.toString());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static Instant instant(Object text) {
		if (text == null) {
			return null;
		}
		try {
			return java.time.OffsetDateTime.parse(text.toString()).toInstant();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static void byId(Object items, Map<String, Map<String, Object>> into) {
		for (Map<String, Object> item : list(items)) {
			Object id = item.get("id");
			into.merge(String.valueOf(id), new LinkedHashMap<>(item), (a, b) -> {
				a.putAll(b);
				return a;
			});
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		if (!(value instanceof List<?> l)) {
			return List.of();
		}
		return l.stream().filter(Map.class::isInstance).map(o -> (Map<String, Object>) o).toList();
	}
}
