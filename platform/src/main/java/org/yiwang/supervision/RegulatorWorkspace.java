package org.yiwang.supervision;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.ListingView;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.tendering.SectionDossier;
import org.yiwang.tendering.SectionId;
import org.yiwang.tendering.SectionSuspensions;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.SuspensionView;
import org.yiwang.tendering.TenderDesk;

/**
 * What a regulator sees: every transaction of its industries in its regions, read-only and as it stands now, through
 * the other modules' own read APIs (which show bids as metadata only, never contents before opening), with the
 * complaints it handles and its acts. A regulator's department follows from its industries: each category's
 * catalogue entry names the department that supervises it.
 */
@Service
public class RegulatorWorkspace {

	private final TenderDesk tenders;

	private final SectionSuspensions suspensions;

	private final AuctionHall auctions;

	private final Catalog catalog;

	private final Complaints complaints;

	private final RegulatoryActions actions;

	RegulatorWorkspace(TenderDesk tenders, SectionSuspensions suspensions, AuctionHall auctions, Catalog catalog,
			Complaints complaints, RegulatoryActions actions) {
		this.tenders = tenders;
		this.suspensions = suspensions;
		this.auctions = auctions;
		this.catalog = catalog;
		this.complaints = complaints;
		this.actions = actions;
	}

	/** The signed-in regulator's workspace: its departments and industries, and what happens in them. */
	public Overview overview() {
		Acting regulator = Complaints.requireRegulator();
		List<CategoryView> industries = industries(regulator);
		List<SectionView> sections = tenders.sections().stream()
			.filter(s -> regulator.industries().contains(s.category()))
			.sorted(Comparator.comparing(SectionView::createdAt).reversed()).toList();
		return new Overview(departments(industries), industries, sections, auctions.supervisedListings(),
				complaints.handled(), actions.recent());
	}

	/** The workspace: departments, industries, tender sections, listings, complaints and acts. */
	public record Overview(List<Department> departments, List<CategoryView> industries, List<SectionView> sections,
			List<ListingView> listings, List<ComplaintView> complaints, List<ActView> acts) {

		public long openComplaints() {
			return complaints.stream().filter(c -> c.status().open()).count();
		}

		public long overdueComplaints() {
			return complaints.stream().filter(ComplaintView::overdue).count();
		}
	}

	/** One section of the regulator's industries and regions, with its suspensions and the acts about it. */
	public SectionWatch section(SectionId id) {
		Acting regulator = Complaints.requireRegulator();
		SectionDossier dossier = tenders.dossier(id);
		if (!regulator.industries().contains(dossier.section().category())) {
			throw RegulatoryActions.notFound();
		}
		return new SectionWatch(dossier, suspensions.suspensions(id), actions.about("section:" + id),
				complaints.handled().stream().filter(c -> c.section().equals(id.value())).toList());
	}

	/** A section as the regulator watches it. */
	public record SectionWatch(SectionDossier dossier, List<SuspensionView> suspensions, List<ActView> acts,
			List<ComplaintView> complaints) {

		public boolean suspended() {
			return suspensions.stream().anyMatch(SuspensionView::active);
		}
	}

	/** Region names by code, in the page's language, for showing names instead of codes. */
	public java.util.Map<String, String> regionNames(java.util.Locale locale) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		catalog.regions().forEach(r -> names.put(r.code().value(), "zh".equals(locale.getLanguage()) ? r.nameZh()
				: r.nameEn()));
		return names;
	}

	List<CategoryView> industries(Acting regulator) {
		return regulator.industries().stream().map(c -> catalog.findCategory(c).orElse(null))
			.filter(java.util.Objects::nonNull).sorted(Comparator.comparing(c -> c.code().value())).toList();
	}

	static List<Department> departments(List<CategoryView> industries) {
		Set<Department> departments = new TreeSet<>();
		industries.forEach(c -> departments.add(Department.ofSupervisor(c.supervisorZh())));
		return List.copyOf(departments);
	}

	/** The departments that supervise these categories. */
	public List<Department> departmentsOf(Set<CategoryCode> categories) {
		return departments(categories.stream().map(c -> catalog.findCategory(c).orElse(null))
			.filter(java.util.Objects::nonNull).toList());
	}
}
