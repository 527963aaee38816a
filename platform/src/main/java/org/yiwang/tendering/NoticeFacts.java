package org.yiwang.tendering;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;

/**
 * Gathers a section's {@link NoticeParticulars} at publication: its codes, its notice's terms, its parties' contacts,
 * and who answers for the publication (公告/公示发布责任人).
 */
@Component
class NoticeFacts {

	private final Sections sections;

	private final EntityRegistry registry;

	private final String platformPublisher;

	private final Participation participation;

	/**
	 * @param platformPublisher the trading center's person who answers for what the platform publishes on its own
	 * ({@code yiwang.tendering.platform-publisher}): the candidates' publicity when the report arrives, a failure at
	 * the deadline; unset, such a record names no publisher and the uplink reports the field missing
	 */
	NoticeFacts(Sections sections, EntityRegistry registry, Participation participation,
			@Value("${yiwang.tendering.platform-publisher:}") String platformPublisher) {
		this.participation = participation;
		this.sections = sections;
		this.registry = registry;
		this.platformPublisher = platformPublisher == null || platformPublisher.isBlank() ? null
				: platformPublisher.strip();
	}

	/** The section's particulars, published by the platform on its own until {@code publishedBy} names a person. */
	NoticeParticulars of(SectionView s) {
		Sections.Codes codes = sections.codes(s.id());
		return new NoticeParticulars(codes.tenderProject(), codes.section(), s.documentsFrom(), s.documentsUntil(),
				codes.consortiumAllowed(), contact(s.tenderer()), contact(s.agency()), platformPublisher, null, null, null,
				null, null, null);
	}

	/** The section's tender notice: its particulars with the project, tender project and section as registered. */
	NoticeParticulars ofTender(SectionView s) {
		return of(s).withTender(sections.tenderParticulars(s.id()).with(party(s.tenderer()), party(s.agency())));
	}

	private TenderParticulars.Party party(EntityId id) {
		EntityView e = id == null ? null : registry.find(id).orElse(null);
		if (e == null) {
			return null;
		}
		return new TenderParticulars.Party(e.name(), e.creditCode(), e.kind().name(),
				e.registeredRegion() == null ? null : e.registeredRegion().value(),
				e.enterpriseNature() == null ? null : e.enterpriseNature().code());
	}

	/** The winner of a section: its kind, region and enterprise nature, and the project manager it stated for it. */
	NoticeParticulars.Winner winner(SectionId section, EntityId id) {
		EntityView e = registry.find(id).orElse(null);
		if (e == null) {
			return null;
		}
		ProjectManager manager = participation.projectManager(section, id).orElse(null);
		return new NoticeParticulars.Winner(e.kind().name(), e.registeredRegion().value(),
				e.enterpriseNature() == null ? null : e.enterpriseNature().code(),
				manager == null ? null : manager.name(), manager == null ? null : ProjectManager.masked(manager.idNumber()));
	}

	private NoticeParticulars.Contact contact(EntityId id) {
		if (id == null) {
			return null;
		}
		EntityView e = registry.find(id).orElse(null);
		if (e == null) {
			return null;
		}
		return new NoticeParticulars.Contact(e.creditCode(), e.address(), e.contactName(), e.contactPhone(), e.email());
	}
}
