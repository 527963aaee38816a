package org.yiwang.guarantee;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * Figures for analytics: how much bid security e-guarantees cover against cash, and the capital held (amount × days),
 * per month, trading category and region. Read through the region-scoped requirements, so staff see their own
 * districts' figures only.
 */
@Service
public class SecurityFigures {

	private static final String QUERY = """
			with security as (
			  select 'GUARANTEE' as form, r.region_code, r.category_code, l.amount,
			    (l.recorded_at at time zone 'Asia/Shanghai')::date as held_from,
			    coalesce((x.released_at at time zone 'Asia/Shanghai')::date, :today) as held_until
			  from guarantee.letters l
			  join guarantee.applications a on a.id = l.application_id
			  join guarantee.requirements r on r.id = a.requirement_id
			  left join guarantee.releases x on x.letter_id = l.id
			  union all
			  select 'CASH_DEPOSIT', r.region_code, r.category_code, d.amount,
			    (d.paid_at at time zone 'Asia/Shanghai')::date,
			    coalesce((coalesce(d.refunded_at, d.forfeited_at) at time zone 'Asia/Shanghai')::date, :today)
			  from guarantee.deposit_arrivals d
			  join guarantee.deposit_accounts c on c.account_number = d.account_number
			  join guarantee.requirements r on r.id = c.requirement_id
			  where d.outcome = 'MATCHED'
			)
			select to_char(held_from, 'YYYY-MM') as month, category_code, region_code, form, count(*) as count,
			  sum(amount) as amount, sum(amount * greatest(held_until - held_from, 0)) as yuan_days
			from security where held_from >= :since
			group by 1, 2, 3, 4 order by 1, 2, 3, 4""";

	private final JdbcClient jdbc;

	private final Clock clock;

	SecurityFigures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The figures of the last {@code months} calendar months (this one included), 1 to 60. */
	@Transactional(readOnly = true)
	public List<SecurityFigure> figures(int months) {
		Actors.requireAnyRole("guarantee.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
		if (months < 1 || months > 60) {
			throw Refusal.invalid("months", "guarantee.figures.monthsRange");
		}
		LocalDate today = LocalDate.now(clock.withZone(BidSecurity.CHINA));
		LocalDate since = today.withDayOfMonth(1).minusMonths(months - 1L);
		return jdbc.sql(QUERY).param("today", Date.valueOf(today)).param("since", Date.valueOf(since))
			.query((rs, row) -> new SecurityFigure(rs.getString("month"), rs.getString("category_code"),
					rs.getString("region_code"), SecurityForm.valueOf(rs.getString("form")), rs.getLong("count"),
					Money.of(rs.getBigDecimal("amount")), rs.getBigDecimal("yuan_days")))
			.list();
	}
}
