package org.yiwang.catalog;

import java.time.Instant;
import java.time.LocalDate;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;

/** The catalogue's past-tense facts; each is appended to the audit log with the change. */
public sealed interface CatalogChanged extends Auditable {

	record ReferenceDataLoaded(Actor actor, String city, int regions, int categories, RegionCode region,
			Instant occurredAt) implements CatalogChanged {

		public String action() {
			return "catalog.reference.loaded";
		}

		public String target() {
			return "city:" + city;
		}
	}

	record CategoryAdded(Actor actor, CategoryCode code, String nameZh, String nameEn, ProcedureFamily family,
			RegionCode region, Instant occurredAt) implements CatalogChanged {

		public String action() {
			return "catalog.category.added";
		}

		public String target() {
			return "category:" + code;
		}
	}

	record CategoryRenamed(Actor actor, CategoryCode code, String previousNameZh, String previousNameEn, String nameZh,
			String nameEn, RegionCode region, Instant occurredAt) implements CatalogChanged {

		public String action() {
			return "catalog.category.renamed";
		}

		public String target() {
			return "category:" + code;
		}
	}

	record CategoryEnabledChanged(Actor actor, CategoryCode code, boolean enabled, RegionCode region,
			Instant occurredAt) implements CatalogChanged {

		public String action() {
			return enabled ? "catalog.category.enabled" : "catalog.category.disabled";
		}

		public String target() {
			return "category:" + code;
		}
	}

	record ProcedureTemplateRevised(Actor actor, CategoryCode code, int version, String reason, RegionCode region,
			Instant occurredAt) implements CatalogChanged {

		public String action() {
			return "catalog.template.revised";
		}

		public String target() {
			return "template:" + code + "/" + version;
		}
	}

	record RegionRenamed(Actor actor, RegionCode code, String previousNameZh, String previousNameEn, String nameZh,
			String nameEn, Instant occurredAt) implements CatalogChanged {

		public String action() {
			return "catalog.region.renamed";
		}

		public String target() {
			return "region:" + code;
		}

		public RegionCode region() {
			return code;
		}
	}

	record RegionActiveChanged(Actor actor, RegionCode code, boolean active, Instant occurredAt)
			implements CatalogChanged {

		public String action() {
			return active ? "catalog.region.activated" : "catalog.region.deactivated";
		}

		public String target() {
			return "region:" + code;
		}

		public RegionCode region() {
			return code;
		}
	}

	record CalendarDayAdded(Actor actor, LocalDate day, CalendarDayKind kind, String name, RegionCode region,
			Instant occurredAt) implements CatalogChanged {

		public String action() {
			return "catalog.calendar.added";
		}

		public String target() {
			return "calendar:" + day;
		}
	}

	record CalendarDayRemoved(Actor actor, LocalDate day, CalendarDayKind kind, String name, RegionCode region,
			Instant occurredAt) implements CatalogChanged {

		public String action() {
			return "catalog.calendar.removed";
		}

		public String target() {
			return "calendar:" + day;
		}
	}
}
