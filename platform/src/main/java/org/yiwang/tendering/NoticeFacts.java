package org.yiwang.tendering;

import org.springframework.stereotype.Component;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;

/** Gathers a section's {@link NoticeParticulars} at publication: its codes, its notice's terms, its parties' contacts. */
@Component
class NoticeFacts {

	private final Sections sections;

	private final EntityRegistry registry;

	NoticeFacts(Sections sections, EntityRegistry registry) {
		this.sections = sections;
		this.registry = registry;
	}

	NoticeParticulars of(SectionView s) {
		Sections.Codes codes = sections.codes(s.id());
		return new NoticeParticulars(codes.tenderProject(), codes.section(), s.documentsFrom(), s.documentsUntil(),
				codes.consortiumAllowed(), contact(s.tenderer()), contact(s.agency()), null, null, null, null, null);
	}

	NoticeParticulars.Winner winner(EntityId id) {
		EntityView e = registry.find(id).orElse(null);
		if (e == null) {
			return null;
		}
		return new NoticeParticulars.Winner(e.kind().name(), e.registeredRegion().value());
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
