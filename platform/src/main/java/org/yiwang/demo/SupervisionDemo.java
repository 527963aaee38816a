package org.yiwang.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.NewAccount;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.pki.TrialCertificateDesk;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.pki.KeyAlgorithm;
import org.yiwang.supervision.ActKind;
import org.yiwang.supervision.ActRequest;
import org.yiwang.supervision.ActView;
import org.yiwang.supervision.ComplaintGround;
import org.yiwang.supervision.ComplaintView;
import org.yiwang.supervision.Complaints;
import org.yiwang.supervision.EvidenceFile;
import org.yiwang.supervision.NewComplaint;
import org.yiwang.supervision.RegulatoryActions;
import org.yiwang.supervision.RulingOutcome;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;

/**
 * With demo data on: two complaints by the demo bidder against the demo tender, one waiting for the regulator
 * ({@code regulator} sees it in the supervision workspace) and one accepted and ruled by a seeded regulator of its own
 * ({@code demo.regulator}, whose demo certificate signs the ruling: the people's demo regulator keeps its first
 * signature for a certificate of its own). Everything goes through the public APIs; once the demo bidder has
 * complaints, nothing is added again.
 */
@Component
@DemoOn
@Order(110)
class SupervisionDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SupervisionDemo.class);

	static final String BIDDER = "demo.bidder";

	static final String SIGNER = "demo.regulator";

	private static final String CHECK_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private final Complaints complaints;

	private final RegulatoryActions actions;

	private final TenderDesk tenders;

	private final AccountManagement accounts;

	private final TrialCertificateDesk certificates;

	private final boolean demo;

	private final String command;

	private final String password;

	SupervisionDemo(Complaints complaints, RegulatoryActions actions, TenderDesk tenders, AccountManagement accounts,
			TrialCertificateDesk certificates, @Value("${yiwang.demo:true}") boolean demo,
			@Value("${yiwang.command:}") String command,
			@Value("${yiwang.account.demo-password:Demo@2026yw}") String password) {
		this.complaints = complaints;
		this.actions = actions;
		this.tenders = tenders;
		this.accounts = accounts;
		this.certificates = certificates;
		this.demo = demo;
		this.command = command;
		this.password = password;
	}

	/** Acts as someone for the demo data, as a signed-in principal would. */
	private record DemoActing(Actor actor, Set<Role> roles, RegionScope regionScope, Set<CategoryCode> industries)
			implements Acting {

		public String displayName() {
			return actor.username();
		}

		<T> T call(Supplier<T> work) {
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(this, null,
					roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
			var previous = SecurityContextHolder.getContext();
			SecurityContextHolder.setContext(context);
			try {
				return work.get();
			}
			finally {
				SecurityContextHolder.setContext(previous);
			}
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || !command.isBlank()) {
			return;
		}
		// a failure is recorded by DemoSeeding (the demo clock page, the demo health contributor)
		seed();
	}

	private void seed() {
		DemoActing bidder = new DemoActing(new Actor(BIDDER, Role.BIDDER.name(), null), Set.of(Role.BIDDER),
				RegionScope.none(), Set.of());
		if (!bidder.call(complaints::mine).isEmpty()) {
			return;
		}
		Optional<SectionView> tender = bidder.call(tenders::sections).stream()
			.filter(s -> s.published() && "ENG_BUILDING".equals(s.category().value())).findFirst();
		if (tender.isEmpty()) {
			log.info("No published building-works tender for the demo complaints");
			return;
		}
		SectionView section = tender.get();
		String matter = "招标文件要求投标人具有本市同类工程业绩，限制了外地投标人，属于以不合理条件排斥潜在投标人。";
		ComplaintView waiting;
		try {
			waiting = bidder.call(() -> complaints.file(new NewComplaint(section.id().toString(),
					ComplaintGround.OTHER, matter, "责令招标人删除本地业绩要求", complaints.today(), null, null),
					evidence("业绩要求条款.txt", "第三章 3.2：投标人须具有重庆市内同类工程业绩。")));
		}
		catch (org.yiwang.system.Refusal refusal) {
			log.info("No demo complaints: the demo bidder cannot complain ({})", refusal.messageKey());
			return;
		}
		ComplaintView toRule = bidder.call(() -> complaints.file(new NewComplaint(section.id().toString(),
				ComplaintGround.OTHER, "招标公告发布媒介不符合规定，公告期间未在指定媒介同步发布。", "确认招标公告发布违法",
				complaints.today(), null, null), evidence("公告截图说明.txt", "指定媒介检索结果为空的截图说明。")));
		log.info("Demo complaint {} waits for the regulator of {}", waiting.id(), section.tradeCode());
		if (!certificates.available()) {
			return;
		}
		DemoActing admin = new DemoActing(new Actor("admin", Role.PLATFORM_ADMIN.name(), null),
				Set.of(Role.PLATFORM_ADMIN), RegionScope.wholeCity(), Set.of());
		admin.call(() -> accounts.create(new NewAccount(SIGNER, "示范住建监管（演示签名）", AccountKind.PERSON,
				Set.of(Role.REGULATOR), section.region().value(), false, Set.of("ENG_BUILDING"), password)));
		DemoActing regulator = new DemoActing(new Actor(SIGNER, Role.REGULATOR.name(), section.region().value()),
				Set.of(Role.REGULATOR), RegionScope.of(section.region()), Set.of(CategoryCode.of("ENG_BUILDING")));
		IssuedCredentials key = regulator.call(() -> certificates.issue("示范住房城乡建设监管部门",
				creditCode("11" + section.region().value() + "MB0000019"), KeyAlgorithm.SM2));
		regulator.call(() -> complaints.accept(toRule.id(), toRule.version()));
		ActView ruling = regulator.call(() -> actions.prepare(new ActRequest(ActKind.RULE_COMPLAINT,
				toRule.id().toString(), RulingOutcome.DISMISSED, null,
				"经查，招标公告已于发布当日在指定媒介同步发布，投诉人所称事实不成立，投诉予以驳回。")));
		regulator.call(() -> actions.sign(ruling.id(), key.sign(ruling.content().getBytes(StandardCharsets.UTF_8)),
				key.certificateBytes(), key.signatureAlgorithm().jcaName()));
		log.info("Demo complaint {} ruled by {}", toRule.id(), SIGNER);
	}

	private static List<EvidenceFile> evidence(String name, String text) {
		byte[] content = text.getBytes(StandardCharsets.UTF_8);
		return List.of(new EvidenceFile(name, "text/plain", () -> new ByteArrayInputStream(content)));
	}

	/** The valid unified social credit code with these 17 characters (the demo department's made-up code). */
	private static CreditCode creditCode(String first17) {
		for (char c : CHECK_CHARACTERS.toCharArray()) {
			if (CreditCode.problem(first17 + c).isEmpty()) {
				return CreditCode.of(first17 + c);
			}
		}
		throw new IllegalStateException("No check character fits " + first17);
	}
}
