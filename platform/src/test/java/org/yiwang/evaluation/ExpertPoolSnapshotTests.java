package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.system.RegionScopes;

/**
 * The draw's eligibility rule worked in memory ({@link ExpertPoolSnapshot}) gives exactly what the same rule written as
 * one query gives, on a random pool with every kind of exclusion, and follows a change to the pool at once.
 */
@PlatformTest
class ExpertPoolSnapshotTests {

	/** The rule as a query: what the snapshot must agree with. */
	private static final String RULE = """
			select e.id from evaluation.experts e
			join evaluation.expert_specialty_holdings h on h.expert_id = e.id and h.specialty = :specialty
			where e.certificate_fingerprint is not null and e.certificate_not_after > :evaluationAt
			  and (cardinality(cast(:include as text[])) = 0 or e.home_region = any(cast(:include as text[])))
			  and not (e.home_region = any(cast(:exclude as text[])))
			  and (e.employer_id is null or not (e.employer_id = any(cast(:parties as uuid[]))))
			  and (e.employer_credit_code is null or not (e.employer_credit_code = any(cast(:codes as text[]))))
			  and not exists (select 1 from evaluation.expert_service v
			                  where v.expert_id = e.id and v.tenderer = :tenderer and v.served_on >= :since)
			  and not exists (select 1 from evaluation.expert_credit c where c.expert_id = e.id and c.kind = 'BLACKLIST'
			                  and c.from_day <= :day and c.until_day >= :day)
			  and not exists (select 1 from evaluation.expert_unavailability u where u.expert_id = e.id
			                  and u.from_day <= :day and u.until_day >= :day)
			  and not exists (select 1 from evaluation.draw_avoidances a where a.section_id = :section
			                  and a.id_number = e.id_number)
			  and not exists (select 1 from evaluation.draw_avoidances a where a.section_id = :section
			                  and a.id_number is null and a.name = e.name)
			order by e.id""";

	private static final String[] REGIONS = { "500101", "500103", "500105", "500107" };

	@Autowired
	ExpertPoolSnapshot poolSnapshot;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void the_snapshot_agrees_with_the_rule_as_a_query_and_follows_changes() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		LocalDate day = LocalDate.now().plusDays(3);
		Instant evaluationAt = day.atStartOfDay(ExpertPool.ZONE).toInstant().plus(9, ChronoUnit.HOURS);
		UUID section = UUID.randomUUID();
		UUID tenderer = UUID.randomUUID();
		List<UUID> employers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), tenderer);
		List<String> codes = List.of(code(random), code(random), code(random));
		List<UUID> experts = new ArrayList<>();
		List<String[]> people = new ArrayList<>();
		inTransactionRun(() -> {
			for (int i = 0; i < 300; i++) {
				UUID id = UUID.randomUUID();
				String name = "名册" + "甲乙丙丁戊己庚辛".charAt(random.nextInt(8)) + "一二三四".charAt(random.nextInt(4));
				String idNumber = digits(random, 17) + (random.nextBoolean() ? "X" : "7");
				boolean certified = random.nextInt(10) > 0;
				Instant notAfter = evaluationAt.plus(random.nextInt(20) - 5, ChronoUnit.DAYS);
				jdbc.sql("""
						insert into evaluation.experts (id, account_id, username, name, id_number, phone, home_region,
						  employer_id, employer_name, employer_credit_code, certificate_fingerprint, certificate_not_after,
						  created_by, created_at, updated_at) values (?, ?, ?, ?, ?, '023-60000000', ?, ?, '单位', ?, ?, ?,
						  'test', now(), now())""")
					.params(id, UUID.randomUUID(), "snapshot." + id, name, idNumber, REGIONS[random.nextInt(REGIONS.length)],
							random.nextInt(3) == 0 ? employers.get(random.nextInt(employers.size())) : null,
							random.nextInt(3) == 0 ? codes.get(random.nextInt(codes.size())) : null,
							certified ? "fp-" + id : null, certified ? Timestamp.from(notAfter) : null)
					.update();
				for (String specialty : List.of("A0101", "A0105")) {
					if (specialty.equals("A0101") || random.nextBoolean()) {
						jdbc.sql("insert into evaluation.expert_specialty_holdings (expert_id, specialty) values (?, ?)")
							.params(id, specialty).update();
					}
				}
				int what = random.nextInt(12);
				if (what == 0) {
					LocalDate from = day.minusDays(random.nextInt(5)); // over the day, or ended before it
					jdbc.sql("""
							insert into evaluation.expert_credit (id, expert_id, kind, note, from_day, until_day, recorded_by,
							  recorded_at) values (?, ?, 'BLACKLIST', '测试', ?, ?, 'test', now())""")
						.params(UUID.randomUUID(), id, Date.valueOf(from), Date.valueOf(from.plusDays(random.nextInt(6))))
						.update();
				}
				else if (what == 1) {
					jdbc.sql("""
							insert into evaluation.expert_unavailability (id, expert_id, from_day, until_day, reason,
							  recorded_by, recorded_at) values (?, ?, ?, ?, '出差', 'test', now())""")
						.params(UUID.randomUUID(), id, Date.valueOf(day.minusDays(random.nextInt(3))),
								Date.valueOf(day.plusDays(random.nextInt(3))))
						.update();
				}
				else if (what == 2) {
					jdbc.sql("""
							insert into evaluation.expert_service (expert_id, tenderer, served_on, draw_id)
							values (?, ?, ?, ?)""")
						.params(id, tenderer, Date.valueOf(day.minusDays(random.nextInt(360))), UUID.randomUUID())
						.update();
				}
				experts.add(id);
				people.add(new String[] { name, idNumber });
			}
			for (int i = 0; i < 30; i++) {
				String[] person = people.get(random.nextInt(people.size()));
				jdbc.sql("""
						insert into evaluation.draw_avoidances (id, section_id, name, id_number, reason, added_by, added_at)
						values (?, ?, ?, ?, '回避', 'test', now())""")
					.params(UUID.randomUUID(), section, person[0], random.nextBoolean() ? person[1] : null)
					.update();
			}
		});

		for (int round = 0; round < 12; round++) {
			List<String> include = round % 3 == 0 ? List.of() : List.of(REGIONS[round % 4], REGIONS[(round + 1) % 4]);
			List<String> exclude = round % 3 == 0 ? List.of(REGIONS[round % 4]) : List.of();
			Draws.Exclusions x = new Draws.Exclusions(section, tenderer, employers.subList(0, 1 + round % 4),
					codes.subList(0, round % 3), include.stream().sorted().toList(), exclude, day, evaluationAt,
					day.minusDays(180));
			for (String specialty : List.of("A0101", "A0105", "C0103")) {
				List<UUID> expected = byQuery(specialty, x);
				assertThat(inTransaction(() -> poolSnapshot.eligibility(x).of(specialty).ids()))
					.as(specialty + " round " + round + " seed " + seed)
					.isEqualTo(expected);
				if (round == 0 && specialty.equals("A0101")) {
					assertThat(expected).as("the random pool leaves some eligible and bars some").isNotEmpty()
						.hasSizeLessThan(experts.size());
				}
			}
			// a change to the pool between draws: the next draw sees it
			UUID moved = experts.get(random.nextInt(experts.size()));
			inTransactionRun(() -> jdbc.sql("update evaluation.experts set home_region = ? where id = ?")
				.params(REGIONS[random.nextInt(REGIONS.length)], moved).update());
			UUID dropped = experts.get(random.nextInt(experts.size()));
			inTransactionRun(() -> jdbc.sql("delete from evaluation.expert_specialty_holdings where expert_id = ?")
				.param(dropped).update());
		}
	}

	private List<UUID> byQuery(String specialty, Draws.Exclusions x) {
		return inTransaction(() -> jdbc.sql(RULE)
			.param("specialty", specialty)
			.param("evaluationAt", Timestamp.from(x.evaluationAt()))
			.param("include", x.includeRegions().toArray(String[]::new))
			.param("exclude", x.excludeRegions().toArray(String[]::new))
			.param("parties", x.partyEntities().toArray(UUID[]::new))
			.param("codes", x.partyCreditCodes().toArray(String[]::new))
			.param("tenderer", x.tenderer())
			.param("since", x.servedSince())
			.param("day", x.day())
			.param("section", x.section())
			.query(UUID.class)
			.list());
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}

	private void inTransactionRun(Runnable work) {
		inTransaction(() -> {
			work.run();
			return null;
		});
	}

	private static String digits(Random random, int n) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < n; i++) {
			s.append(random.nextInt(10));
		}
		return s.toString();
	}

	private static String code(Random random) {
		return "91500103" + digits(random, 10);
	}
}
