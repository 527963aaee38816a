package org.yiwang.servicedesk;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;

/**
 * What the desk measures: per staff member and month (completions, mean working days, share within the limit,
 * ratings) for staff of their region, and the center's public figures (aggregates only) for everyone.
 */
@Service
public class ServicePerformance {

	private final ServiceRecords records;

	private final ServiceDesk desk;

	private final DeskTransactions work;

	ServicePerformance(ServiceRecords records, ServiceDesk desk, DeskTransactions work) {
		this.records = records;
		this.desk = desk;
		this.work = work;
	}

	/** The last twelve months up to this one, of the staff's region (row-level security narrows a district's staff). */
	public List<StaffFigures> staffFigures() {
		Acting staff = ServiceDesk.requireStaff();
		YearMonth now = YearMonth.from(desk.today());
		LocalDate from = now.minusMonths(11).atDay(1);
		return work.as(staff, () -> records.staffFigures(from, now.atEndOfMonth()));
	}

	/** The whole center's last twelve months, for the public page. */
	public PublicFigures publicFigures() {
		LocalDate from = YearMonth.from(desk.today()).minusMonths(11).atDay(1);
		return work.platform(() -> records.publicFigures(from));
	}
}
