package org.yiwang.servicedesk;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.AccountView;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.RegionView;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InputRefused;
import org.yiwang.kernel.InputRules;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.servicedesk.ServiceDeskChanged.DocumentAdded;
import org.yiwang.servicedesk.ServiceDeskChanged.RequestAssigned;
import org.yiwang.servicedesk.ServiceDeskChanged.RequestEscalated;
import org.yiwang.servicedesk.ServiceDeskChanged.RequestFiled;
import org.yiwang.servicedesk.ServiceDeskChanged.RequestFinished;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * Service requests: filed on the web by a signed-in user or at the counter by staff for a walk-in, each on a timer in
 * working days from the item's limit; documents handed in; the staff member in charge (claimed or assigned);
 * escalation one working day before the limit; finishing with an outcome. Users see their own requests only, a
 * district's staff their district's, city staff all.
 */
@Service
public class ServiceDesk {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Role[] USERS = { Role.TENDERER, Role.AGENCY, Role.BIDDER, Role.GUARANTEE_ISSUER,
			Role.INTERMEDIARY, Role.EXPERT };

	private final ServiceRecords records;

	private final ServiceItems items;

	private final DocumentStore store;

	private final DeskTransactions work;

	private final Catalog catalog;

	private final WorkingCalendar calendar;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ServiceDesk(ServiceRecords records, ServiceItems items, DocumentStore store, DeskTransactions work, Catalog catalog,
			WorkingCalendar calendar, AccountManagement accounts, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.items = items;
		this.store = store;
		this.work = work;
		this.catalog = catalog;
		this.calendar = calendar;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(CHINA));
	}

	ServiceTimer timer() {
		return new ServiceTimer(calendar.schedule());
	}

	// ---- filing ----------------------------------------------------------------------------------------------------

	/**
	 * Files a request: a user's own on the web, or staff's at the counter for a walk-in (then the walk-in's name is
	 * required and the region must be the staff's). Automatic items count themselves and cannot be filed by hand.
	 */
	public ServiceRequestView file(NewServiceRequest request) {
		Acting acting = Actors.required();
		boolean counter = DeskTransactions.staff(acting);
		if (!counter) {
			Actors.requireAnyRole("servicedesk.usersOnly", USERS);
		}
		ServiceItemView item = items.item(request.item());
		if (item.automatic()) {
			throw Refusal.invalid("item", "servicedesk.item.automatic");
		}
		RegionCode region = region(acting, request.region(), counter);
		String subject = name("subject", request.subject(), 200, "servicedesk.subject.required");
		String detail = text("detail", request.detail(), 2000);
		String requesterName = counter ? name("requesterName", request.requesterName(), 100,
				"servicedesk.requesterName.required") : acting.displayName();
		Channel channel = counter ? Channel.COUNTER : Channel.WEB;
		String requester = counter ? null : acting.actor().username();
		return work.as(acting, () -> open(acting.actor(), item, region, channel, subject, detail, requester,
				requesterName, null, clock.instant(), null));
	}

	private RegionCode region(Acting acting, String code, boolean counter) {
		if ((code == null || code.isBlank()) && counter && !acting.regionScope().all()
				&& acting.regionScope().regions().size() == 1) {
			return acting.regionScope().regions().iterator().next();
		}
		RegionView region;
		try {
			region = catalog.region(RegionCode.of(code == null ? "" : code.strip()))
				.filter(RegionView::active)
				.orElseThrow(() -> Refusal.invalid("region", "servicedesk.region.unknown"));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("region", "servicedesk.region.unknown");
		}
		if (counter && !acting.regionScope().covers(region.code())) {
			throw Refusal.invalid("region", "servicedesk.region.notYours");
		}
		return region.code();
	}

	/** Opens a request on its timer (in the current transaction, whose scope must cover the region). */
	ServiceRequestView open(Actor actor, ServiceItemView item, RegionCode region, Channel channel, String subject,
			String detail, String requester, String requesterName, String sourceRef, Instant at, String assignee) {
		LocalDate filedOn = LocalDate.ofInstant(at, CHINA);
		ServiceTimer timer = timer();
		ServiceRequestView view = new ServiceRequestView(UUID.randomUUID(), records.nextNumber(filedOn.getYear()), region,
				item.code(), channel, subject, detail, requester, requesterName, actor.username(), at, filedOn,
				timer.dueOn(filedOn, item.timeLimitDays()), timer.warnOn(filedOn, item.timeLimitDays()),
				item.timeLimitDays(), assignee, ServiceStatus.OPEN, null, null, null, null, null, null, 0);
		records.add(view, sourceRef, false);
		events.publishEvent(new RequestFiled(actor, view.id(), view.number(), item.code(), channel, view.dueOn(), region,
				clock.instant()));
		return view;
	}

	// ---- reading ---------------------------------------------------------------------------------------------------

	/** A request its reader may see: its requester, or staff of its region; anyone else is told it does not exist. */
	public ServiceRequestView request(UUID id) {
		Acting acting = Actors.required();
		return work.as(acting, () -> readable(acting, id));
	}

	ServiceRequestView readable(Acting acting, UUID id) {
		ServiceRequestView request = records.byId(id).orElseThrow(() -> Refusal.notFound("servicedesk.request.notFound"));
		boolean staff = DeskTransactions.staff(acting) && acting.regionScope().covers(request.region());
		boolean requester = request.requester() != null && request.requester().equals(acting.actor().username());
		if (!staff && !requester) {
			throw Refusal.notFound("servicedesk.request.notFound");
		}
		return request;
	}

	public List<DocumentView> documents(UUID id) {
		Acting acting = Actors.required();
		return work.as(acting, () -> {
			readable(acting, id);
			return records.documents(id);
		});
	}

	/** The signed-in user's own requests. */
	public List<ServiceRequestView> mine() {
		Acting acting = Actors.required();
		String me = acting.actor().username();
		return work.platform(() -> records.ofRequester(me));
	}

	/** Staff's queue: their region's requests (city staff: all), open first. */
	public List<ServiceRequestView> queue() {
		Acting staff = requireStaff();
		return work.as(staff, () -> records.inScope(500).stream()
			.filter(r -> staff.regionScope().covers(r.region()))
			.toList());
	}

	/** Today in Beijing, as the timers count. */
	public LocalDate serviceDay() {
		return today();
	}

	// ---- documents -------------------------------------------------------------------------------------------------

	/** The requester or the region's staff hand in a document while the request is open. */
	public DocumentView addDocument(UUID id, String fileName, Supplier<InputStream> content) {
		Acting acting = Actors.required();
		String name = fileName == null ? "" : fileName.strip().replaceAll("^.*[/\\\\]", "");
		if (name.isEmpty() || name.length() > 200) {
			throw Refusal.invalid("document", "servicedesk.document.name");
		}
		ServiceRequestView request = work.as(acting, () -> readable(acting, id));
		if (!request.open()) {
			throw Refusal.conflict("document", "servicedesk.request.closed");
		}
		DocumentStore.Stored stored;
		try (InputStream in = content.get()) {
			stored = store.store(in);
		}
		catch (java.io.IOException e) {
			throw Refusal.invalid("document", "servicedesk.document.broken");
		}
		return work.as(acting, () -> {
			Instant now = clock.instant();
			UUID doc = UUID.randomUUID();
			records.addDocument(doc, id, request.region(), name, stored.size(), stored.sha256(),
					acting.actor().username(), now);
			events.publishEvent(new DocumentAdded(acting.actor(), id, doc, stored.sha256(), request.region(), now));
			return new DocumentView(doc, name, stored.size(), stored.sha256(), acting.actor().username(), now);
		});
	}

	// ---- in charge -------------------------------------------------------------------------------------------------

	/** The staff who may take charge of the request: center staff whose scope covers its region. */
	public List<AccountView> assignable(UUID id) {
		Acting staff = requireStaff();
		ServiceRequestView request = request(id);
		return accounts.accounts().stream()
			.filter(a -> a.enabled() && a.roles().contains(Role.CENTER_STAFF)
					&& (a.cityWide() || request.region().equals(a.region())))
			.filter(a -> staff.regionScope().covers(a.region()))
			.toList();
	}

	/** A staff member of the region takes the request in charge. */
	public ServiceRequestView claim(UUID id, long version) {
		Acting staff = requireStaff();
		return charge(staff, id, staff.actor().username(), version);
	}

	/** Staff put a colleague of the region in charge. */
	public ServiceRequestView assign(UUID id, String username, long version) {
		Acting staff = requireStaff();
		String assignee = username == null ? "" : username.strip();
		if (assignable(id).stream().noneMatch(a -> a.username().equals(assignee))) {
			throw Refusal.invalid("assignee", "servicedesk.assignee.unknown");
		}
		return charge(staff, id, assignee, version);
	}

	private ServiceRequestView charge(Acting staff, UUID id, String assignee, long version) {
		return work.as(staff, () -> {
			ServiceRequestView request = readable(staff, id);
			if (!request.open()) {
				throw Refusal.conflict("assignee", "servicedesk.request.closed");
			}
			if (records.assign(id, assignee, version) == 0) {
				throw Refusal.conflict("assignee", "servicedesk.request.changed");
			}
			events.publishEvent(new RequestAssigned(staff.actor(), id, assignee, request.region(), clock.instant()));
			return records.byId(id).orElseThrow();
		});
	}

	// ---- finishing -------------------------------------------------------------------------------------------------

	/** The region's staff finish the request with its outcome; the timer stops on today's date. */
	public ServiceRequestView finish(UUID id, String outcome, long version) {
		Acting staff = requireStaff();
		String said = name("outcome", outcome, 1000, "servicedesk.outcome.required");
		return work.as(staff, () -> {
			ServiceRequestView request = readable(staff, id);
			if (!request.open()) {
				throw Refusal.conflict("outcome", "servicedesk.request.closed");
			}
			if (request.version() != version) {
				throw Refusal.conflict("outcome", "servicedesk.request.changed");
			}
			return close(staff.actor(), request, said, clock.instant(), staff.actor().username());
		});
	}

	/** Finishes an open request (in the current transaction); {@code by} is the staff member counted, or null. */
	ServiceRequestView close(Actor actor, ServiceRequestView request, String outcome, Instant at, String by) {
		LocalDate on = LocalDate.ofInstant(at, CHINA);
		ServiceTimer timer = timer();
		int days = timer.workingDays(request.filedOn(), on);
		boolean within = !on.isAfter(request.dueOn());
		records.finish(request.id(), at, on, by, outcome, days, within);
		events.publishEvent(new RequestFinished(actor, request.id(), days, within, request.region(), clock.instant()));
		return records.byId(request.id()).orElseThrow();
	}

	// ---- escalation ------------------------------------------------------------------------------------------------

	/** Escalates every open request whose escalation day has come (the scheduled check runs this). */
	public int escalateDue() {
		return escalate(today());
	}

	int escalate(LocalDate today) {
		return work.platform(() -> {
			int escalated = 0;
			for (ServiceRequestView request : records.dueForEscalation(today)) {
				Instant now = clock.instant();
				if (records.escalate(request.id(), now) > 0) {
					events.publishEvent(new RequestEscalated(Actor.SYSTEM, request.id(), request.dueOn(),
							request.assignee(), request.region(), now));
					escalated++;
				}
			}
			return escalated;
		});
	}

	// ---- shared checks ---------------------------------------------------------------------------------------------

	static Acting requireStaff() {
		return Actors.requireAnyRole("servicedesk.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}

	Optional<ServiceRequestView> byIdAsPlatform(UUID id) {
		return work.platform(() -> records.byId(id));
	}

	static String name(String field, String text, int max, String requiredKey) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			throw Refusal.invalid(field, requiredKey);
		}
		if (value.length() > max) {
			throw Refusal.invalid(field, "servicedesk.text.tooLong", max);
		}
		try {
			return InputRules.name(field, value);
		}
		catch (InputRefused e) {
			throw Refusal.input(field, e);
		}
	}

	static String text(String field, String text, int max) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			return null;
		}
		if (value.length() > max) {
			throw Refusal.invalid(field, "servicedesk.text.tooLong", max);
		}
		try {
			return InputRules.text(field, value);
		}
		catch (InputRefused e) {
			throw Refusal.input(field, e);
		}
	}
}
