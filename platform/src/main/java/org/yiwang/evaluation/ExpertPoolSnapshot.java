package org.yiwang.evaluation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.yiwang.kernel.Sha256;

/**
 * The eligibility rule of the draw, worked in memory. The experts' slow-changing facts (specialties, home region,
 * employer, certificate) are copied once into per-specialty lists in id order; the table {@code expert_pool_version},
 * moved by a trigger on every change to them, tells a draw whether its copy is current, and a stale copy is reloaded
 * in one statement (so it is one consistent snapshot). Changes to experts therefore queue on that one row: staff
 * maintenance, not traffic (a bulk import should be one statement). What changes per draw (blacklisting and
 * unavailability on the day, service to the tenderer, the section's avoidance list) is asked for once per draw; those
 * lists are short.
 *
 * <p>A draw's pool is then, per specialty, the list it was taken from (kept once in {@code expert_pool_lists} under its
 * SHA-256, shared by all draws while it does not change) and a bitmap of who in it was eligible. The same rule as a
 * query is in the tests, and the two are compared there.
 */
@Component
class ExpertPoolSnapshot {

	/** An expert with a bound certificate, as the draw sees them. */
	record Entry(UUID id, String homeRegion, UUID employer, String employerCreditCode, String name, String idNumber,
			long certificateNotAfterMillis) {
	}

	/**
	 * A specialty's certified experts in id order, and the SHA-256 of that list packed (its name in the store); their
	 * facts also as arrays, index by index, for the filter (with each one's number in the copy, see {@link Copy}); and
	 * the list's lines of the canonical pool text, so that a draw's commitment hashes them without formatting them
	 * ({@link DrawAlgorithm#canonicalLines}).
	 */
	record Holders(String specialty, List<UUID> ids, String sha256, int[] number, long[] notAfter, int[] homeRegion,
			UUID[] employer, String[] employerCreditCode, byte[] lines) {

		/** {@code homeRegion} holds indexes into the copy's list of home regions ({@code regions} gives them). */
		static Holders of(String specialty, List<Entry> entries, Map<String, Integer> regions,
				Map<UUID, Integer> numbers) {
			List<UUID> ids = entries.stream().map(Entry::id).toList();
			return new Holders(specialty, ids, Sha256.hex(DrawAlgorithm.packIds(ids)),
					ids.stream().mapToInt(numbers::get).toArray(),
					entries.stream().mapToLong(Entry::certificateNotAfterMillis).toArray(),
					entries.stream().mapToInt(e -> regions.get(e.homeRegion())).toArray(),
					entries.stream().map(Entry::employer).toArray(UUID[]::new),
					entries.stream().map(Entry::employerCreditCode).toArray(String[]::new),
					DrawAlgorithm.canonicalLines(ids));
		}
	}

	/** Who of a specialty's list may be drawn. */
	record Eligible(Holders holders, BitSet chosen) {

		int count() {
			return chosen.cardinality();
		}

		List<UUID> ids() {
			List<UUID> ids = new ArrayList<>(chosen.cardinality());
			for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
				ids.add(holders.ids().get(i));
			}
			return ids;
		}
	}

	/**
	 * One consistent copy. Each certified expert has a number (0, 1, …) so that who is barred from a draw
	 * is a bitmap over the numbers, and a list's filter reads it position by position instead of looking ids up.
	 */
	private record Copy(long version, List<String> regions, Map<String, Holders> bySpecialty,
			Map<String, Holders> bySha256, Map<UUID, Integer> numbers, Map<String, int[]> byName,
			Map<String, Integer> byIdNumber) {
	}

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	/** Lists known to be in {@code expert_pool_lists} (committed: seen there by a later draw). */
	private final Set<String> kept = ConcurrentHashMap.newKeySet();

	private volatile Copy copy = new Copy(-1, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

	ExpertPoolSnapshot(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The exclusions of one draw, asked for once; then {@link Eligibility#of} per specialty. */
	Eligibility eligibility(Draws.Exclusions x) {
		Copy current = current();
		BitSet barred = new BitSet(current.numbers().size());
		jdbc.sql("""
				select expert_id, null, null from evaluation.expert_service where tenderer = :tenderer and served_on >= :since
				union all select expert_id, null, null from evaluation.expert_credit
				  where kind = 'BLACKLIST' and from_day <= :day and coalesce(until_day, 'infinity') >= :day
				union all select expert_id, null, null from evaluation.expert_unavailability
				  where from_day <= :day and until_day >= :day
				union all select null, name, id_number from evaluation.draw_avoidances where section_id = :section
				union all select expert_id, null, null from evaluation.reevaluation_exclusions
				  where section_id = :section and round = :round and expert_id is not null""")
			.param("tenderer", x.tenderer())
			.param("since", Date.valueOf(x.servedSince()))
			.param("day", Date.valueOf(x.day()))
			.param("section", x.section())
			.param("round", x.round())
			.query(rs -> {
				UUID expert = rs.getObject(1, UUID.class);
				String idNumber = rs.getString(3);
				if (expert != null) {
					Integer number = current.numbers().get(expert);
					if (number != null) {
						barred.set(number);
					}
				}
				else if (idNumber == null) { // avoided by name: everyone of that name
					for (int number : current.byName().getOrDefault(rs.getString(2), NOBODY)) {
						barred.set(number);
					}
				}
				else if (current.byIdNumber().containsKey(idNumber)) {
					barred.set(current.byIdNumber().get(idNumber));
				}
			});
		return new Eligibility(current, x, barred);
	}

	private static final int[] NOBODY = {};

	/**
	 * The experts of a specialty who may be drawn: a bound certificate valid at the evaluation, inside the region
	 * constraints, not employed by a party (by entity or credit code), not serving the tenderer within the period,
	 * not blacklisted or unavailable on the day, and not on the tenderer's avoidance list (by ID number, or by name
	 * where no ID number was given).
	 */
	static final class Eligibility {

		private final Copy copy;

		private final BitSet barred;

		private final Set<String> include;

		private final Set<String> exclude;

		private final Set<UUID> parties;

		private final Set<String> codes;

		private final long evaluationAt;

		private Eligibility(Copy copy, Draws.Exclusions x, BitSet barred) {
			this.copy = copy;
			this.barred = barred;
			this.include = Set.copyOf(x.includeRegions());
			this.exclude = Set.copyOf(x.excludeRegions());
			this.parties = Set.copyOf(x.partyEntities());
			this.codes = Set.copyOf(x.partyCreditCodes());
			this.evaluationAt = x.evaluationAt().toEpochMilli();
		}

		Eligible of(String specialty) {
			Holders h = copy.bySpecialty().get(specialty);
			if (h == null) {
				h = Holders.of(specialty, List.of(), Map.of(), Map.of());
			}
			int n = h.ids().size();
			long[] chosen = new long[(n + 63) >>> 6]; // a BitSet's words, filled in one pass
			boolean[] regionAllowed = new boolean[copy.regions().size()];
			for (int r = 0; r < regionAllowed.length; r++) {
				String region = copy.regions().get(r);
				regionAllowed[r] = (include.isEmpty() || include.contains(region)) && !exclude.contains(region);
			}
			for (int i = 0; i < n; i++) {
				UUID employer = h.employer()[i];
				String code = h.employerCreditCode()[i];
				if (h.notAfter()[i] > evaluationAt && regionAllowed[h.homeRegion()[i]] && !barred.get(h.number()[i])
						&& (employer == null || !parties.contains(employer)) && (code == null || !codes.contains(code))) {
					chosen[i >>> 6] |= 1L << i;
				}
			}
			return new Eligible(h, BitSet.valueOf(chosen));
		}
	}

	/** Makes sure the list a draw took its pool from is kept (in the draw's transaction). */
	void keep(Holders holders) {
		if (kept.contains(holders.sha256())) {
			return;
		}
		boolean there = jdbc.sql("select exists (select 1 from evaluation.expert_pool_lists where sha256 = ?)")
			.param(holders.sha256())
			.query(Boolean.class)
			.single();
		if (there) {
			kept.add(holders.sha256());
			return;
		}
		jdbc.sql("""
				insert into evaluation.expert_pool_lists (sha256, specialty, size, ids, kept_at) values (?, ?, ?, ?, ?)
				on conflict (sha256) do nothing""")
			.params(holders.sha256(), holders.specialty(), holders.ids().size(), DrawAlgorithm.packIds(holders.ids()),
					Timestamp.from(Instant.now(clock)))
			.update();
	}

	/** A kept list by its SHA-256: from memory while it is the current one, else from the store. */
	List<UUID> list(String sha256) {
		Holders current = copy.bySha256().get(sha256);
		if (current != null) {
			return current.ids();
		}
		return jdbc.sql("select ids from evaluation.expert_pool_lists where sha256 = ?")
			.param(sha256)
			.query(byte[].class)
			.optional()
			.map(DrawAlgorithm::unpackIds)
			.orElseThrow(() -> new IllegalStateException("The expert list " + sha256 + " of a draw is not kept"));
	}

	private Copy current() {
		long version = jdbc.sql("select version from evaluation.expert_pool_version").query(Long.class).single();
		Copy seen = copy;
		if (seen.version() == version) {
			return seen;
		}
		synchronized (this) {
			if (copy.version() == version) {
				return copy;
			}
			copy = load();
			return copy;
		}
	}

	/** One statement: the counter and the experts it counts are of the same snapshot. */
	private Copy load() {
		long[] version = { -1 };
		Map<String, List<Entry>> bySpecialty = new HashMap<>();
		Map<String, String> interned = new HashMap<>();
		jdbc.sql("""
				select v.version, x.specialty, x.id, x.home_region, x.employer_id, x.employer_credit_code, x.name,
				  x.id_number, x.certificate_not_after
				from evaluation.expert_pool_version v left join (
				  select h.specialty, e.id, e.home_region, e.employer_id, e.employer_credit_code, e.name, e.id_number,
				    e.certificate_not_after
				  from evaluation.expert_specialty_holdings h join evaluation.experts e on e.id = h.expert_id
				  where e.certificate_fingerprint is not null and e.certificate_not_after is not null) x on true
				order by x.specialty, x.id""")
			.query(rs -> {
				version[0] = rs.getLong(1);
				if (rs.getString(2) == null) {
					return; // no expert holds a certificate yet
				}
				Entry entry = new Entry(rs.getObject(3, UUID.class), interned.computeIfAbsent(rs.getString(4), r -> r),
						rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8),
						rs.getTimestamp(9).getTime());
				bySpecialty.computeIfAbsent(interned.computeIfAbsent(rs.getString(2), s -> s), s -> new ArrayList<>())
					.add(entry);
			});
		Map<UUID, Integer> numbers = new HashMap<>();
		Map<String, List<Integer>> byName = new HashMap<>();
		Map<String, Integer> byIdNumber = new HashMap<>();
		bySpecialty.values().stream().flatMap(List::stream).forEach(e -> {
			if (!numbers.containsKey(e.id())) { // an expert of several specialties is numbered once
				int number = numbers.size();
				numbers.put(e.id(), number);
				if (byIdNumber.putIfAbsent(e.idNumber(), number) == null) {
					byName.computeIfAbsent(e.name(), name -> new ArrayList<>()).add(number);
				}
			}
		});
		List<String> regions = bySpecialty.values().stream().flatMap(List::stream).map(Entry::homeRegion).distinct()
			.sorted().toList();
		Map<String, Integer> regionIndex = new HashMap<>();
		regions.forEach(r -> regionIndex.put(r, regionIndex.size()));
		Map<String, Holders> holders = new HashMap<>();
		Map<String, Holders> bySha256 = new HashMap<>();
		bySpecialty.forEach((specialty, entries) -> {
			Holders h = Holders.of(specialty, entries, regionIndex, numbers);
			holders.put(specialty, h);
			bySha256.put(h.sha256(), h);
		});
		Map<String, int[]> names = new HashMap<>();
		byName.forEach((name, list) -> names.put(name, list.stream().mapToInt(Integer::intValue).toArray()));
		return new Copy(version[0], regions, Map.copyOf(holders), Map.copyOf(bySha256), numbers, names, byIdNumber);
	}
}
