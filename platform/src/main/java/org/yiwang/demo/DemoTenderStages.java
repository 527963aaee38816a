package org.yiwang.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.RegionView;
import org.yiwang.demo.security.DemoPdf;
import org.yiwang.evaluation.DrawInvitation;
import org.yiwang.evaluation.DrawRequest;
import org.yiwang.evaluation.DrawView;
import org.yiwang.evaluation.EvaluationCaseView;
import org.yiwang.evaluation.EvaluationDesk;
import org.yiwang.evaluation.ExpertDraws;
import org.yiwang.evaluation.ExpertPool;
import org.yiwang.evaluation.ScoringTable;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.pki.OpeningKeys;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.system.DemoClock;
import org.yiwang.system.DemoTime;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.AwardDesk;
import org.yiwang.tendering.AwardDossier;
import org.yiwang.tendering.BidBox;
import org.yiwang.tendering.CandidateView;
import org.yiwang.tendering.OpeningHall;
import org.yiwang.tendering.SectionId;
import org.yiwang.tendering.SectionStatus;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;
import org.yiwang.tendering.TenderDocuments;

/**
 * The demo city's tenders past their deadline (docs/demo.md): one failed for want of bids, one under evaluation, one
 * with its candidates publicised, one awarded and one contracted — each driven the whole way through the tendering
 * and evaluation entry points as the people who do it: the demo bidders seal their bids with their demo-CA keys and
 * submit them, the demo clock jumps past the deadline, the bidders decrypt in the opening hall, staff close the
 * record, draw three experts who accept, the committee reviews, scores and signs its report, the publicity runs its
 * three days, the tenderer confirms the winner and both sign the contract. Tender notices cannot be back-dated, so
 * the demo clock moves forward (23–25 days, once, on a fresh demo; a month back when the clock starts behind real
 * time, so that they end before today): this runs before the other seeds that count
 * from now (the listings, the live demo tender, the city), so theirs stay as they were meant. Before them, when the
 * demo clock starts behind real time (a fresh demo database, {@code yiwang.demo.clock.start-back}, a year by default),
 * one tender a month of the past year ({@link DemoTenderYear}) goes the same way at its own month's time, the clock
 * moving forward month by month to real time. Made once: a restart finds the first tenderer and does nothing.
 */
@Component
@Order(44)
@DemoOn
class DemoTenderStages implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTenderStages.class);

	/** How far each tender goes. */
	enum Stage {
		FAILED, UNDER_EVALUATION, PUBLICISED, AWARDED, CONTRACTED
	}

	/** One tender of the stages: its tenderer (username, name, credit-code digit), the tender, how far it goes. */
	record Staged(String username, String tendererName, int n, String region, String category,
			String project, String section, String scale, String price, Stage stage) {
	}

	private static final List<Staged> STAGED = List.of(
			new Staged("demo.owner1", "重庆市江北区城市建设发展中心", 1, "500105", "ENG_BUILDING", "江北区鸿恩寺片区公共停车楼建设项目",
					"施工一标段", "公共停车楼 2 栋，车位 620 个", "21800000.00", Stage.CONTRACTED),
			new Staged("demo.owner2", "重庆市九龙坡区交通建设管理中心", 2, "500107", "ENG_TRANSPORT",
					"九龙坡区华岩大道人行天桥工程项目", "施工一标段", "人行天桥 3 座，含无障碍电梯", "16400000.00", Stage.AWARDED),
			new Staged("demo.owner3", "涪陵区水利工程建设管理站", 3, "500102", "ENG_WATER", "涪陵区梨香溪堤防加固工程项目", "施工一标段",
					"堤防加固 3.8 公里", "27500000.00", Stage.PUBLICISED),
			new Staged("demo.owner4", "长寿区城市管理服务中心", 4, "500115", "ENG_BUILDING", "长寿区菩提山公园提升改造项目", "施工一标段",
					"园路、照明及游客服务中心 1,600 平方米", "12300000.00", Stage.UNDER_EVALUATION),
			new Staged("demo.owner5", "万州区教育委员会基建办公室", 5, "500101", "ENG_BUILDING", "万州区天城小学运动场改造项目", "施工一标段",
					"塑胶运动场 8,600 平方米及看台", "4800000.00", Stage.FAILED));

	/** The demo bidders (DemoEntities) and how far below the estimate each bids. */
	private static final List<String> BIDDERS = List.of("bidder", "bidder2", "bidder3");

	private static final List<BigDecimal> DISCOUNTS = List.of(new BigDecimal("0.94"), new BigDecimal("0.91"),
			new BigDecimal("0.96"));

	/** Building-works experts (ExpertDemo): the draw asks for three. */
	private static final String SPECIALTY = "A0101";

	private static final List<String> EXPERTS = List.of("expert", "expert2", "expert3", "expert4", "expert5", "expert9");

	private final EntityRegistry registry;

	private final EntityCertificates certificates;

	private final Catalog catalog;

	private final TenderingDemo tendering;

	private final TenderDesk desk;

	private final TenderDocuments documents;

	private final BidBox bids;

	private final OpeningKeys openingKeys;

	private final OpeningHall hall;

	private final ExpertDraws draws;

	private final ExpertPool pool;

	private final EvaluationDesk evaluation;

	private final AwardDesk award;

	private final DemoTime demoTime;

	private final Clock clock;

	private final boolean enabled;

	private final String password;

	DemoTenderStages(EntityRegistry registry, EntityCertificates certificates, Catalog catalog, TenderingDemo tendering,
			TenderDesk desk, TenderDocuments documents, BidBox bids, OpeningKeys openingKeys, OpeningHall hall,
			ExpertDraws draws, ExpertPool pool, EvaluationDesk evaluation, AwardDesk award, DemoTime demoTime,
			Clock clock, @Value("${yiwang.demo.city:true}") boolean city,
			@Value("${yiwang.demo.entities:true}") boolean entities, @Value("${yiwang.command:}") String command,
			@Value("${yiwang.account.demo-password:Demo@2026yw}") String password) {
		this.registry = registry;
		this.certificates = certificates;
		this.catalog = catalog;
		this.tendering = tendering;
		this.desk = desk;
		this.documents = documents;
		this.bids = bids;
		this.openingKeys = openingKeys;
		this.hall = hall;
		this.draws = draws;
		this.pool = pool;
		this.evaluation = evaluation;
		this.award = award;
		this.demoTime = demoTime;
		this.clock = clock;
		// the demo bidders are demo entities; the stages belong to the city
		this.enabled = city && entities && command.isBlank();
		this.password = password;
	}

	/** A tender on its way: what it is, its section, its tenderer's account, the bidders' envelopes. */
	private static final class Tender {

		final Staged staged;

		SectionView section;

		UUID caseId;

		UUID drawId;

		Instant evaluationAt;

		final List<String> committee = new ArrayList<>();

		final Map<String, Path> envelopes = new LinkedHashMap<>();

		Tender(Staged staged) {
			this.staged = staged;
		}

		SectionId id() {
			return section.id();
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || !demoTime.on() || catalog.region(RegionCode.of("500243")).isEmpty()
				|| registry.findByCreditCode(CreditCode.of(code(STAGED.get(0).n()))).isPresent()
				|| registry.findByCreditCode(CreditCode.of(code(DemoTenderYear.MONTHS.get(0).n()))).isPresent()
				|| registry.findByCreditCode(CreditCode.of(demoCode("MA5YWB001"))).isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		Instant before = clock.instant();
		Path dir = null;
		try {
			dir = Files.createTempDirectory("yiwang-demo-bids");
			stages(dir);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		finally {
			delete(dir);
		}
		log.warn("Seeded the demo city's tender stages in {} ms; the demo clock moved {} days forward",
				Duration.ofNanos(System.nanoTime() - started).toMillis(),
				Duration.between(before, clock.instant()).toDays());
	}

	/** Whole 30-day months (at most 12) the demo clock stands behind real time: the past months to seed. */
	/**
	 * How many past months get a tender: the months the clock stands behind real time, less the last one, which the
	 * current tenders ({@link #STAGED}, ~25 days from notice to contract) take, so that they end before today and
	 * the clock is caught up to real time afterwards instead of running weeks ahead of it.
	 */
	private int monthsBehind() {
		return clock instanceof DemoClock demo && demo.offset().isNegative()
				? (int) Math.max(0, Math.min(12, (demo.offset().negated().toDays() - CURRENT_MONTH_DAYS) / 30)) : 0;
	}

	/** How far back the current tenders are published when the clock starts behind real time. */
	private static final long CURRENT_MONTH_DAYS = 30;

	/** Real time, whatever the demo clock's offset. */
	private Instant realNow() {
		return clock instanceof DemoClock demo ? clock.instant().minus(demo.offset()) : clock.instant();
	}

	private void stages(Path dir) throws IOException {
		EntityView home = tendering.parties(tendering.homeDistrict());
		log.debug("Demo agency ready for {}", home.name());
		Map<String, IssuedCredentials> keys = new LinkedHashMap<>();
		for (String bidder : BIDDERS) {
			keys.put(bidder, bidder(bidder).call(certificates::issueDemoCertificate));
		}
		// the experts' keys first: a fresh demo key is refused to an expert seated on a committee
		Map<String, IssuedCredentials> expertKeys = new LinkedHashMap<>();
		for (String expert : EXPERTS) {
			expertKeys.put(expert, expert(expert).call(pool::demoKey));
		}
		int months = monthsBehind();
		List<Staged> year = DemoTenderYear.MONTHS.subList(DemoTenderYear.MONTHS.size() - months, DemoTenderYear.MONTHS.size());
		for (int i = 0; i < year.size(); i++) {
			// month k back starts k x 30 days before the current tenders' month; each cohort is over within ~25 days
			jumpTo(realNow().minus(Duration.ofDays(30L * (year.size() - i) + CURRENT_MONTH_DAYS)));
			long month = System.nanoTime();
			cohort(dir, List.of(year.get(i)), keys, expertKeys);
			log.info("Demo city: the tender of {} months ago seeded in {} ms", year.size() - i,
					Duration.ofNanos(System.nanoTime() - month).toMillis());
		}
		// behind real time (a fresh demo database): the current tenders run in the last month and end before today,
		// and DemoClockCatchUp brings the clock to real time; otherwise they start now and take the clock ahead
		jumpTo(months > 0 ? realNow().minus(Duration.ofDays(CURRENT_MONTH_DAYS)) : realNow().plusSeconds(60));
		cohort(dir, STAGED, keys, expertKeys);
	}

	/** One cohort of tenders published now, each driven as far as its stage says. */
	private void cohort(Path dir, List<Staged> cohort, Map<String, IssuedCredentials> keys,
			Map<String, IssuedCredentials> expertKeys) throws IOException {
		List<Tender> tenders = new ArrayList<>();
		for (Staged staged : cohort) {
			Tender t = new Tender(staged);
			RegionView district = catalog.region(RegionCode.of(staged.region())).orElseThrow();
			EntityView tenderer = tenderer(staged, district);
			t.section = tendering.publish(tenderer, new TenderingDemo.DemoTender(district, staged.category(),
					staged.project(), staged.section(), staged.scale(), new BigDecimal(staged.price()), "WORKS", "E"), 21);
			List<String> bidders = staged.stage() == Stage.FAILED ? BIDDERS.subList(0, 2) : BIDDERS;
			for (int i = 0; i < bidders.size(); i++) {
				String bidder = bidders.get(i);
				BigDecimal price = new BigDecimal(staged.price()).multiply(DISCOUNTS.get(i)).setScale(2,
						RoundingMode.HALF_UP);
				t.envelopes.put(bidder, bid(dir, t.section, bidder, keys.get(bidder), price));
			}
			tenders.add(t);
		}

		// the deadline passes: the hall opens what is due (the one with two bids fails: fewer than three)
		Instant deadline = tenders.stream().map(t -> t.section.bidDeadline()).max(Comparator.naturalOrder()).orElseThrow();
		jumpTo(deadline.plus(Duration.ofMinutes(1)));
		hall.openDue();
		List<Tender> opened = tenders.stream().filter(t -> t.staged.stage() != Stage.FAILED).toList();
		for (Tender t : opened) {
			for (var entry : t.envelopes.entrySet()) {
				String key = SealedBids.contentKey(entry.getValue(), keys.get(entry.getKey()), dir);
				bidder(entry.getKey()).run(() -> hall.checkIn(t.id()));
				bidder(entry.getKey()).run(() -> hall.decrypt(t.id(), key));
			}
			staff(t).run(() -> hall.close(t.id()));
		}

		// three building-works experts per committee, for an evaluation an hour from now
		Instant evaluationAt = clock.instant().plus(Duration.ofHours(1));
		for (Tender t : opened) {
			t.caseId = await(() -> staff(t).call(() -> evaluation.caseOf(t.id(), 1)), "the evaluation case of "
					+ t.section.tradeCode().value());
			t.evaluationAt = evaluationAt;
			DrawView requested = staff(t).call(() -> draws.request(new DrawRequest(t.id().value(), evaluationAt,
					Map.of(SPECIALTY, 3), Set.of(), Set.of())));
			t.drawId = requested.id();
			staff(t).run(() -> draws.draw(requested.id()));
			for (String expert : EXPERTS) {
				for (DrawInvitation invitation : expert(expert).call(draws::myInvitations)) {
					if (invitation.draw().equals(requested.id())) {
						expert(expert).run(() -> draws.respond(requested.id(), true));
						t.committee.add(expert);
					}
				}
			}
			await(() -> Optional.of(staff(t).call(() -> evaluation.caseView(t.caseId))).filter(
					EvaluationCaseView::committeeSeated), "the committee of " + t.section.tradeCode().value());
			staff(t).run(() -> evaluation.schedule(t.caseId, evaluationAt));
		}
		jumpTo(evaluationAt.plus(Duration.ofMinutes(1)));
		for (Tender t : opened) {
			staff(t).run(() -> evaluation.begin(t.caseId));
			String leader = t.committee.get(0);
			for (String member : t.committee) {
				expert(member).run(() -> evaluation.voteLeader(t.caseId, leader));
			}
			if (t.staged.stage() != Stage.UNDER_EVALUATION) {
				evaluate(t, expertKeys);
			}
		}

		// the candidates are publicised for three days; then the tenderer confirms the first, and both sign
		List<Tender> reported = opened.stream().filter(t -> t.staged.stage() != Stage.UNDER_EVALUATION).toList();
		Instant publicityEnds = clock.instant();
		for (Tender t : reported) {
			// the publicity is made by tendering's listener of the signed report, after its commit: until then the
			// dossier is refused (tendering.award.notYet), which here means "not yet", not "never"
			AwardDossier dossier = await(() -> {
				try {
					return Optional.of(tenderer(t).call(() -> award.dossier(t.id())))
						.filter(d -> d.section().status() == SectionStatus.PUBLICIZING && d.publicity() != null);
				}
				catch (Refusal notYet) {
					return Optional.empty();
				}
			}, "the publicity of " + t.section.tradeCode().value());
			if (dossier.publicity().publicityEnds().isAfter(publicityEnds)) {
				publicityEnds = dossier.publicity().publicityEnds();
			}
		}
		List<Tender> awarded = reported.stream().filter(t -> t.staged.stage() != Stage.PUBLICISED).toList();
		if (awarded.isEmpty()) {
			return;
		}
		jumpTo(publicityEnds.plus(Duration.ofMinutes(1)));
		for (Tender t : awarded) {
			CandidateView first = tenderer(t).call(() -> award.dossier(t.id())).publicity().candidates().get(0);
			tenderer(t).run(() -> award.confirmWinner(t.id(), first.bidder(), null));
			if (t.staged.stage() == Stage.CONTRACTED) {
				contract(t, first, keys);
			}
		}
	}

	/** The committee reviews every bid at both stages, scores, signs its sheets, and signs the leader's report. */
	private void evaluate(Tender t, Map<String, IssuedCredentials> expertKeys) {
		String leader = t.committee.get(0);
		EvaluationCaseView view = expert(leader).call(() -> evaluation.caseView(t.caseId));
		List<UUID> bidIds = view.bidders().stream().map(EvaluationCaseView.Bidder::bidId).toList();
		for (String stage : List.of("QUALIFICATION", "RESPONSIVENESS")) {
			for (String member : t.committee) {
				for (UUID bid : bidIds) {
					expert(member).run(() -> evaluation.review(t.caseId, stage, bid, true, null));
				}
			}
		}
		ScoringTable table = view.table();
		if (table != null && table.weighted()) {
			for (int m = 0; m < t.committee.size(); m++) {
				String member = t.committee.get(m);
				for (int b = 0; b < bidIds.size(); b++) {
					Map<String, String> points = new LinkedHashMap<>();
					for (ScoringTable.Item item : table.items()) {
						// between 70% and 95% of the item's most points, differing a little by bid and member
						BigDecimal share = new BigDecimal("0.95").subtract(new BigDecimal("0.08").multiply(
								BigDecimal.valueOf((b * 2 + m) % 4)));
						points.put(item.code(), item.maxPoints().multiply(share).setScale(0, RoundingMode.HALF_UP)
							.toPlainString());
					}
					UUID bid = bidIds.get(b);
					expert(member).run(() -> evaluation.score(t.caseId, bid, points));
				}
				IssuedCredentials key = expertKeys.get(member);
				byte[] sheet = expert(member).call(() -> evaluation.scoreSheet(t.caseId));
				expert(member).run(() -> evaluation.signScoreSheet(t.caseId, key.sign(sheet), key.certificateBytes(), null));
			}
		}
		UUID reportId = expert(leader).call(() -> evaluation.draftReport(t.caseId));
		byte[] report = expert(leader).call(() -> evaluation.reportPdf(reportId));
		for (String member : t.committee) {
			IssuedCredentials key = expertKeys.get(member);
			expert(member).run(() -> evaluation.signReport(t.caseId, key.sign(report), key.certificateBytes(), null));
		}
	}

	/** The tenderer uploads the contract and signs it with its demo key; the winner signs with its own. */
	private void contract(Tender t, CandidateView winner, Map<String, IssuedCredentials> keys) {
		// a one-page PDF standing for the signed contract's scan (the demo has none): the standard font is ASCII only
		byte[] pdf = DemoPdf.page(List.of("Construction contract " + t.section.tradeCode().value(),
				"Contract price CNY " + winner.price().yuan().toPlainString(), "Demo data - not a real contract"));
		tenderer(t).run(() -> award.uploadContract(t.id(), "施工合同.pdf", new ByteArrayInputStream(pdf),
				t.section.tenderProjectName() + "施工合同：按招标文件及中标价，工期与质量见合同条款。"));
		IssuedCredentials tendererKey = tenderer(t).call(certificates::issueDemoCertificate);
		tenderer(t).run(() -> award.signContract(t.id(), tendererKey.sign(pdf), tendererKey.certificateBytes(), null));
		String bidder = BIDDERS.stream()
			.filter(b -> bidder(b).call(() -> registry.myEntity().orElseThrow()).id().equals(winner.bidder()))
			.findFirst().orElseThrow();
		IssuedCredentials key = keys.get(bidder);
		bidder(bidder).run(() -> award.signContract(t.id(), key.sign(pdf), key.certificateBytes(), null));
	}

	// ---- bids ------------------------------------------------------------------------------------------------------

	/** The bidder registers, seals its price sheet and a technical file with its demo key, and submits. */
	private Path bid(Path dir, SectionView section, String bidder, IssuedCredentials key, BigDecimal price)
			throws IOException {
		DemoActing acting = bidder(bidder);
		acting.run(() -> documents.registerInterest(section.id()));
		EntityView entity = acting.call(() -> registry.myEntity().orElseThrow());
		byte[] openingKey = openingKeys.find(section.openingKey()).orElseThrow().publicKeyDer();
		Path envelope = SealedBids.seal(dir, section.tradeCode().value(), entity.name(), bidder, key, openingKey, price,
				clock.instant());
		acting.run(() -> {
			try (InputStream in = Files.newInputStream(envelope)) {
				bids.submit(section.id(), "demo-" + section.tradeCode().value() + "-" + bidder, "127.0.0.1", "yiwang-demo",
						in);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		return envelope;
	}

	// ---- people ----------------------------------------------------------------------------------------------------

	/** The tenderer of a staged tender: registered in its district, approved, mandating the demo agency. */
	private EntityView tenderer(Staged staged, RegionView district) {
		String code = code(staged.n());
		EntityView registered = registry.findByCreditCode(CreditCode.of(code)).orElseGet(() -> registry.register(
				new Registration(EntityKind.ORGANIZATION, staged.tendererName(), code, null, "何演示", "邓演示",
						"023-68800000", staged.username() + "@demo.yiwang.cn", district.nameZh() + "演示路 8 号", "110",
						district.code().value(), Set.of(EntityRole.TENDERER), staged.username(), password)));
		EntityView approved = registered.approved() ? registered
				: DemoActing.staff(district.code()).call(() -> registry.approve(registered.id(), registered.version()));
		DemoActing owner = DemoActing.party(staged.username(), Role.TENDERER);
		String agency = DemoActing.party(TenderingDemo.AGENCY, Role.AGENCY)
			.call(() -> registry.myEntity().orElseThrow()).creditCode();
		owner.run(() -> desk.recordMandate(agency, "示范：" + staged.project()));
		return approved;
	}

	private static DemoActing bidder(String username) {
		return DemoActing.party(username, Role.BIDDER);
	}

	private static DemoActing expert(String username) {
		return DemoActing.party(username, Role.EXPERT);
	}

	private static DemoActing tenderer(Tender t) {
		return DemoActing.party(t.staged.username(), Role.TENDERER);
	}

	private static DemoActing staff(Tender t) {
		return DemoActing.staff(t.section.region());
	}

	private void jumpTo(Instant target) {
		// a second of margin: the clock ticks on between this check and the jump's own
		if (target.isAfter(clock.instant().plusSeconds(1))) {
			DemoActing.startUp().call(() -> demoTime.jumpTo(target));
		}
	}

	/** Waits (at most a minute) for what the other modules' listeners do after the commit. */
	private static <T> T await(Supplier<Optional<T>> probe, String what) {
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < until) {
			Optional<T> value = probe.get();
			if (value.isPresent()) {
				return value.get();
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new IllegalStateException("waited a minute for " + what);
	}

	private static void delete(Path dir) {
		if (dir == null) {
			return;
		}
		try (var files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			log.debug("Could not remove {}", dir, e);
		}
	}

	/** Fixed demo credit codes of the stage tenderers, under the city (500000), with their check characters. */
	static String code(int n) {
		String first17 = "91500000MB6CQTD" + String.format("%02d", n);
		return first17 + CreditCode.checkCharacter(first17);
	}

	private String demoCode(String organisationCode) {
		String first17 = "91" + catalog.city().code().value() + organisationCode;
		return first17 + CreditCode.checkCharacter(first17);
	}
}
