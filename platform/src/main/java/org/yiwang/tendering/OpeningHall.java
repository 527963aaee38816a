package org.yiwang.tendering;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * The tendering module's entry point after the bid deadline: who is party to a section (for the expert draw's
 * avoidance), and the remote opening (不见面开标).
 */
@Service
public class OpeningHall {

	private final Sections sections;

	private final SectionAccess access;

	private final JdbcClient jdbc;

	private final Clock clock;

	OpeningHall(Sections sections, SectionAccess access, JdbcClient jdbc, Clock clock) {
		this.sections = sections;
		this.access = access;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The tenderer, agency and standing bidders of a section's current round, for staff of its region (or the platform
	 * itself) once the bid deadline has passed; before it the bidders are secret (招标投标法 Art. 22), so this is refused.
	 */
	public SectionParties parties(SectionId id) {
		Acting acting = Actors.current().orElse(null);
		if (acting != null && !acting.hasRole(Role.CENTER_STAFF) && !acting.hasRole(Role.PLATFORM_ADMIN)) {
			throw Refusal.forbidden("tendering.parties.staffOnly");
		}
		Supplier<SectionParties> work = () -> {
			SectionView section = acting == null ? sections.byId(id).orElseThrow(SectionAccess::notFound)
					: access.forStaff(id);
			if (section.bidDeadline() == null || clock.instant().isBefore(section.bidDeadline())) {
				throw Refusal.conflict(null, "tendering.parties.beforeDeadline");
			}
			int round = jdbc.sql("select round from tendering.sections where id = ?").param(id.value())
				.query(Integer.class).single();
			List<EntityId> bidders = jdbc.sql("""
					select bidder_id from tendering.bids
					where section_id = ? and status = 'RECEIPTED' and received_at < ?
					order by received_at""")
				.params(id.value(), Timestamp.from(section.bidDeadline()))
				.query((rs, n) -> new EntityId(rs.getObject(1, UUID.class)))
				.list();
			return new SectionParties(id, section.tradeCode(), round, section.region(), section.category(),
					section.tenderer(), section.agency(), bidders, section.bidDeadline());
		};
		// The platform itself (a listener, a scheduled step) sees every region; staff only their own.
		return acting == null ? access.platform(work) : access.scoped(work);
	}
}
