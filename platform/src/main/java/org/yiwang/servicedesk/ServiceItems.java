package org.yiwang.servicedesk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.InputRefused;
import org.yiwang.kernel.InputRules;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Deployment;
import org.yiwang.system.Refusal;

/** The list of service items (事项清单): everyone reads it; city-wide staff change an item's limit and documents. */
@Service
public class ServiceItems {

	static final int MAX_LIMIT = 60;

	private final ServiceRecords records;

	private final DeskTransactions work;

	private final ApplicationEventPublisher events;

	private final Deployment deployment;

	private final Clock clock;

	ServiceItems(ServiceRecords records, DeskTransactions work, ApplicationEventPublisher events, Deployment deployment,
			Clock clock) {
		this.records = records;
		this.work = work;
		this.events = events;
		this.deployment = deployment;
		this.clock = clock;
	}

	public List<ServiceItemView> items() {
		return work.platform(records::items);
	}

	public ServiceItemView item(String code) {
		return work.platform(() -> records.item(code == null ? "" : code.strip()))
			.orElseThrow(() -> Refusal.invalid("item", "servicedesk.item.unknown"));
	}

	/** City-wide staff revise an item: its time limit (1–60 working days) and the documents it needs, in both languages. */
	public ServiceItemView revise(String code, Integer timeLimitDays, String documentsZh, String documentsEn) {
		Acting staff = Actors.requireAnyRole("servicedesk.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
		if (!staff.actsCityWide()) {
			throw Refusal.forbidden("servicedesk.item.cityWide");
		}
		ServiceItemView item = item(code);
		if (timeLimitDays == null || timeLimitDays < 1 || timeLimitDays > MAX_LIMIT) {
			throw Refusal.invalid("timeLimitDays", "servicedesk.item.limit", MAX_LIMIT);
		}
		String zh = documents("documentsZh", documentsZh);
		String en = documents("documentsEn", documentsEn);
		return work.platform(() -> {
			Instant now = clock.instant();
			records.reviseItem(item.code(), timeLimitDays, zh, en, staff.actor().username(), now);
			events.publishEvent(new ServiceDeskChanged.ItemRevised(staff.actor(), item.code(), timeLimitDays,
					deployment.cityCode(), now));
			return records.item(item.code()).orElseThrow();
		});
	}

	private static String documents(String field, String text) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty() || value.length() > 1000) {
			throw Refusal.invalid(field, "servicedesk.item.documents");
		}
		try {
			return InputRules.text(field, value);
		}
		catch (InputRefused e) {
			throw Refusal.input(field, e);
		}
	}
}
