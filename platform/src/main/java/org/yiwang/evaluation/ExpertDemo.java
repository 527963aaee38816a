package org.yiwang.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.account.AccountManagement;
import org.yiwang.catalog.Catalog;
import org.yiwang.evaluation.ExpertChanged.ExpertRegistered;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.pki.DemoCertificates;
import org.yiwang.pki.DemoCredentials;
import org.yiwang.pki.KeyAlgorithm;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.system.RegionScopes;

/**
 * With demo data on: the demo accounts {@code expert} … {@code expert9} become experts in the pool (docs/evaluation.md,
 * "Expert pool and draw"), each with a demo-CA SM2 certificate bound (its key is not kept: an expert downloads a fresh one at
 * {@code /experts/me/demo-key.pem}, which rebinds). {@code expert9} works for the demo bidder, so the draw avoids
 * them for the demo tender. Made once, after the demo accounts and entities.
 */
@Component
@Order(40)
class ExpertDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ExpertDemo.class);

	/** username, name, ID number body (17 digits; the check character is computed), home region, specialties */
	private record Demo(String username, String name, String id17, String region, Set<String> specialties,
			boolean bidderEmployee) {
	}

	private static final List<Demo> DEMOS = List.of(
			new Demo("expert", "示范评标专家", "50010319700101001", "500103", Set.of("A0101", "A0105"), false),
			new Demo("expert2", "王建国", "50010119720202002", "500101", Set.of("A0101"), false),
			new Demo("expert3", "李秀英", "50010319750303003", "500103", Set.of("A0101"), false),
			new Demo("expert4", "张伟", "50010519780404004", "500105", Set.of("A0101", "A0102"), false),
			new Demo("expert5", "刘洋", "50010619800505005", "500106", Set.of("A0101"), false),
			new Demo("expert6", "陈静", "50010319820606006", "500103", Set.of("A0105"), false),
			new Demo("expert7", "杨帆", "50010119840707007", "500101", Set.of("A0105"), false),
			new Demo("expert8", "赵敏", "50010719860808008", "500107", Set.of("A0105"), false),
			new Demo("expert9", "孙强", "50010319880909009", "500103", Set.of("A0101"), true));

	private final Experts experts;

	private final AccountManagement accounts;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final DemoCertificates certificates;

	private final TrustStore trustStore;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final boolean demo;

	ExpertDemo(Experts experts, AccountManagement accounts, EntityRegistry registry, Catalog catalog,
			DemoCertificates certificates, TrustStore trustStore, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock, @Value("${yiwang.demo:true}") boolean demo) {
		this.experts = experts;
		this.accounts = accounts;
		this.registry = registry;
		this.catalog = catalog;
		this.certificates = certificates;
		this.trustStore = trustStore;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo) {
			return;
		}
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		Acting platform = new PlatformActing();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(platform, null,
				List.of(new SimpleGrantedAuthority(Role.CENTER_STAFF.authority()))));
		SecurityContextHolder.setContext(context);
		try {
			int added = 0;
			for (Demo d : DEMOS) {
				added += RegionScopes.callAsPlatform(() -> transactions.execute(status -> add(d))) ? 1 : 0;
			}
			if (added > 0) {
				log.info("Demo expert pool: {} experts added", added);
			}
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private boolean add(Demo d) {
		var account = accounts.demoAccount(d.username()).orElse(null);
		if (account == null || experts.byUsername(d.username()).isPresent()) {
			return false;
		}
		String idNumber = d.id17() + ExpertPool.checkCharacter(d.id17());
		EntityView employer = d.bidderEmployee()
				? registry.findByCreditCode(CreditCode.of(demoCode("MA5YWB001"))).orElse(null) : null;
		String employerName = employer != null ? employer.name() : "重庆示范设计研究院";
		String employerCode = employer != null ? employer.creditCode() : demoCode("MA5YWE" + d.id17().substring(14));
		NewExpert expert = new NewExpert(d.username(), d.name(), idNumber, "023-6" + d.id17().substring(10), d.region(),
				employerName, employerCode, d.specialties());
		java.util.UUID id = java.util.UUID.randomUUID();
		var now = clock.instant();
		experts.add(id, account.id().value(), expert, employer == null ? null : employer.id().value(), "system", now);
		DemoCredentials credentials = certificates.issue(d.name(), CreditCode.of(employerCode), KeyAlgorithm.SM2);
		byte[] pem = credentials.certificatePem().getBytes(StandardCharsets.US_ASCII);
		var view = trustStore.inspect(pem);
		experts.bindCertificate(id, pem, view.fingerprint(), view.subject(), view.notAfter(), now);
		events.publishEvent(new ExpertRegistered(Actor.SYSTEM, id, d.username(), d.specialties().stream().sorted().toList(),
				org.yiwang.kernel.RegionCode.of(d.region()), now));
		return true;
	}

	private String demoCode(String organisationCode) {
		String first17 = "91" + catalog.city().code().value() + organisationCode;
		return first17 + CreditCode.checkCharacter(first17);
	}

	/** The platform at start-up (audited as system); DemoCertificates wants someone signed in. */
	private record PlatformActing() implements Acting {

		public Actor actor() {
			return Actor.SYSTEM;
		}

		public String displayName() {
			return "system";
		}

		public Set<Role> roles() {
			return Set.of(Role.CENTER_STAFF);
		}

		public RegionScope regionScope() {
			return RegionScope.wholeCity();
		}

		public Set<CategoryCode> industries() {
			return Set.of();
		}
	}
}
