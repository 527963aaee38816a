package org.yiwang.procurement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.yiwang.TestActor;
import org.yiwang.envelope.ContentCipher;
import org.yiwang.envelope.EnvelopeWriter;
import org.yiwang.envelope.KeyWrap;
import org.yiwang.envelope.MachineFingerprint;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.PriceSheet;
import org.yiwang.kernel.Role;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.pki.KeyCustodians;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;

/**
 * A purchaser and suppliers registered and approved in the registry, acting as the members they registered, and a
 * case of a method taken through the platform's own services. Public: the every-category test uses it too.
 */
public final class ProcurementFixture {

	public static final String PASSWORD = "Procure-pass-2026";

	public static final String REGION = TestActor.YUZHONG;

	public final ProcurementDesk desk;

	public final NegotiationRoom room;

	public final EntityRegistry registry;

	public final String run = UUID.randomUUID().toString().substring(0, 8);

	public final EntityView purchaser;

	public final List<EntityView> suppliers = new ArrayList<>();

	public final SealedOffers sealedOffers;

	private final EntityCertificates certificates;

	private final KeyCustodians custodians;

	private final Map<Integer, Path[]> credentials = new HashMap<>();

	private Path dir;

	private final org.springframework.context.ApplicationContext context;

	public ProcurementFixture(ApplicationContext context, int supplierCount) {
		this.desk = context.getBean(ProcurementDesk.class);
		this.room = context.getBean(NegotiationRoom.class);
		this.registry = context.getBean(EntityRegistry.class);
		this.sealedOffers = context.getBean(SealedOffers.class);
		this.certificates = context.getBean(EntityCertificates.class);
		this.custodians = context.getBean(KeyCustodians.class);
		this.context = context;
		this.purchaser = entity("cg", "采购单位", EntityRole.TENDERER);
		for (int i = 1; i <= supplierCount; i++) {
			suppliers.add(entity("gy" + i, "供应商" + i, EntityRole.BIDDER));
		}
	}

	public String user(String prefix) {
		return (prefix + "." + run).toLowerCase();
	}

	private EntityView entity(String prefix, String name, EntityRole role) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, name + "有限公司" + run,
				TestActor.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150",
				REGION, Set.of(role), user(prefix), PASSWORD));
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	public TestActor purchaserActor() {
		return TestActor.of(user("cg"), Role.TENDERER, TestActor.CITY, false);
	}

	public TestActor supplier(int i) {
		return TestActor.of(user("gy" + i), Role.BIDDER, TestActor.CITY, false);
	}

	public static TestActor staff() {
		return TestActor.districtStaff(REGION);
	}

	public List<String> codes(int count) {
		return suppliers.stream().limit(count).map(EntityView::creditCode).toList();
	}

	public NewProcurement request(String category, ProcurementMethod method, String budget, int supplierCount) {
		return new NewProcurement(REGION, category, method, "办公设备采购 " + run, "台式计算机 50 台，三年上门保修。",
				new BigDecimal(budget), codes(supplierCount), null,
				method == ProcurementMethod.SINGLE_SOURCE ? "只能从唯一供应商处采购（政府采购法第三十一条第一项）" : null);
	}

	/** Registered by the purchaser and published by the district's staff. */
	public ProcurementView published(String category, ProcurementMethod method, String budget, int supplierCount) {
		ProcurementView registered = purchaserActor().call(() -> desk.register(request(category, method, budget,
				supplierCount)));
		return staff().call(() -> desk.publish(registered.id(), registered.version()));
	}

	/** The demo custodians whose shares open a case's sealed offers (two of the three: the threshold). */
	public static final List<String> CUSTODIANS = List.of("staff", "staff.yuzhong");

	/**
	 * Supplier {@code i} seals a price sheet of {@code amount} yuan to the case's opening key with the envelope library
	 * (as the bid tool does), signed with a demo-CA certificate bound to it (issued on first use): the envelope file.
	 */
	public Path seal(ProcurementView c, int i, String amount) {
		return seal(c, i, amount, suppliers.get(i - 1).name(), publicKeyPem(c, i));
	}

	/** As {@link #seal(ProcurementView, int, String)}, with the sheet naming {@code supplierName} and sealed to {@code openingKeyPem}. */
	public Path seal(ProcurementView c, int i, String amount, String supplierName, String openingKeyPem) {
		return seal(c.tradeCode().value(), i, amount, supplierName, openingKeyPem);
	}

	/** Supplier {@code i}'s price sheet for trade code {@code code} (a case's or a framework's), sealed as the bid tool does. */
	public Path seal(String code, int i, String amount, String supplierName, String openingKeyPem) {
		try {
			Path[] pems = credentials(i);
			Path key = Files.writeString(dir().resolve("opening-" + UUID.randomUUID() + ".pem"), openingKeyPem);
			Path envelope = dir().resolve("offer-" + i + "-" + UUID.randomUUID() + ".ywenv");
			EnvelopeWriter.seal(new EnvelopeWriter.Request(code, new PriceSheet(supplierName, code, new BigDecimal(amount),
					30, "合格", List.of()), List.of(), Pem.privateKey(pems[0]), Pem.certificate(pems[1]), Pem.publicKey(key),
					null, ContentCipher.SM4_GCM, 0, MachineFingerprint.of(Map.of("mac", "supplier-" + i + run)), null),
					envelope);
			return envelope;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (org.yiwang.envelope.EnvelopeException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The case's opening public key as supplier {@code i} reads it on the case page. */
	public String publicKeyPem(ProcurementView c, int i) {
		return supplier(i).call(() -> sealedOffers.sealing(c.id())).orElseThrow().publicKeyPem();
	}

	/** Supplier {@code i} submits an envelope file: the platform's receipt. */
	public OfferReceipt submit(ProcurementView c, int i, Path envelope) {
		return supplier(i).call(() -> {
			try (InputStream in = Files.newInputStream(envelope)) {
				return sealedOffers.submit(c.id(), in);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	/** Supplier {@code i} seals and submits {@code amount}: its quote or final offer, by the case's stage. */
	public OfferReceipt offer(ProcurementView c, int i, String amount) {
		return submit(c, i, seal(c, i, amount));
	}

	/**
	 * Supplier {@code i} responds and seals its quote (a request for quotations) or its first offer (a negotiation or
	 * consultation) to the case's opening key.
	 */
	public OfferReceipt quote(ProcurementView c, int i, String amount) {
		supplier(i).call(() -> room.respond(c.id(), "按采购需求报价，供应商 " + i, null));
		return offer(c, i, amount);
	}

	/**
	 * After the deadline, the demo custodians give their shares ({@code bidtool unwrap-share}): the envelopes open. Nothing
	 * to open (no supplier sealed one) is no error here.
	 */
	public void openSealed(ProcurementView c) {
		for (String custodian : CUSTODIANS) {
			try {
				custodian(custodian).call(() -> sealedOffers.giveShare(c.id(), decryptedShare(c, custodian)));
			}
			catch (org.yiwang.system.Refusal refusal) {
				if (!refusal.messageKey().equals("procurement.shares.nothingToOpen")) {
					throw refusal;
				}
				return;
			}
		}
	}

	/** A custodian's share as {@code bidtool unwrap-share} prints it: decrypted with its demo key, base64. */
	public String decryptedShare(ProcurementView c, String custodian) {
		return decryptedShare(custodian(custodian).call(() -> sealedOffers.sealing(c.id())).orElseThrow(), custodian);
	}

	/** A custodian's share of the stage {@code seen} (as the custodian reads it), decrypted with its demo key, base64. */
	public String decryptedShare(SealingView seen, String custodian) {
		TestActor actor = custodian(custodian);
		IssuedCredentials key = actor.call(custodians::demoKey);
		try {
			Path pem = Files.writeString(dir().resolve(custodian + "-" + UUID.randomUUID() + ".key"), key.privateKeyPem());
			Path cert = Files.writeString(dir().resolve(custodian + "-" + UUID.randomUUID() + ".pem"), key.certificatePem());
			byte[] share = KeyWrap.unwrap(KeyWrap.algorithmFor(Pem.certificate(cert).getPublicKey()), Pem.privateKey(pem),
					Base64.getDecoder().decode(seen.myEncryptedShare()));
			return Base64.getEncoder().encodeToString(share);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (org.yiwang.envelope.EnvelopeException e) {
			throw new IllegalStateException(e);
		}
	}

	public static TestActor custodian(String username) {
		return TestActor.of(username, Role.CENTER_STAFF, TestActor.CITY, true);
	}

	/** Supplier {@code i}'s demo-CA key and certificate files, issued and bound on first use. */
	private Path[] credentials(int i) {
		return credentials.computeIfAbsent(i, n -> {
			IssuedCredentials issued = supplier(n).call(certificates::issueDemoCertificate);
			try {
				return new Path[] { Files.writeString(dir().resolve("supplier-" + n + ".key"), issued.privateKeyPem()),
						Files.writeString(dir().resolve("supplier-" + n + ".pem"), issued.certificatePem()) };
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	private Path dir() {
		if (dir == null) {
			try {
				dir = Files.createTempDirectory("procurement-" + run);
				dir.toFile().deleteOnExit();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return dir;
	}

	/**
	 * The specialty the fixture's teams draw: no other test and no demo expert holds it, so a draw picks the experts
	 * of this and other procurement fixtures only.
	 */
	public static final String TEAM_SPECIALTY = "A0103";

	/** Registered by the purchaser, published by the district's staff, its team drawn and seated. */
	public ProcurementView seated(String category, ProcurementMethod method, String budget, int supplierCount) {
		ProcurementView c = published(category, method, budget, supplierCount);
		seatTeam(c);
		return c;
	}

	/**
	 * The case's team (政府采购法 第三十八条第一项): one purchaser representative and two experts of
	 * {@link #TEAM_SPECIALTY} drawn through evaluation's verifiable draw, each picked expert accepting. Two fresh
	 * experts join the pool first; the draw may pick another fixture's (the pool is shared), so the picks are read
	 * from the draw's table to answer as whoever was picked.
	 */
	public void seatTeam(ProcurementView c) {
		org.yiwang.evaluation.ExpertPool pool = context.getBean(org.yiwang.evaluation.ExpertPool.class);
		org.yiwang.evaluation.ExpertDraws draws = context.getBean(org.yiwang.evaluation.ExpertDraws.class);
		NegotiationTeams teams = context.getBean(NegotiationTeams.class);
		for (int n = 1; n <= 2; n++) {
			String username = ("ex" + n + "." + run + "." + UUID.randomUUID().toString().substring(0, 4)).toLowerCase();
			String first17 = c.region().value() + java.time.LocalDate.of(1960, 1, 1)
				.plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(365 * 40))
				.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
					+ String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
			TestActor.cityStaff().call(() -> pool.register(new org.yiwang.evaluation.NewExpert(username, "专家" + username,
					first17 + org.yiwang.evaluation.ExpertPool.checkCharacter(first17), "023-60001234", c.region().value(),
					"谈判专家单位" + run, null, Set.of(TEAM_SPECIALTY))));
			TestActor.of(username, Role.EXPERT, TestActor.CITY, false).call(pool::demoKey);
		}
		java.time.Instant sits = c.responseDeadline().plus(java.time.Duration.ofHours(2));
		TeamView team = TestActor.cityStaff().call(() -> teams.request(c.id(), new TeamRequest(List.of("采购人代表" + run),
				Map.of(TEAM_SPECIALTY, 2), sits)));
		TestActor.cityStaff().run(() -> draws.draw(team.draw()));
		org.springframework.jdbc.core.simple.JdbcClient jdbc = context
			.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		org.springframework.transaction.support.TransactionTemplate transactions = context
			.getBean(org.springframework.transaction.support.TransactionTemplate.class);
		List<UUID> picked = org.yiwang.system.RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select expert_id from evaluation.draw_picks where draw_id = ? and outcome = 'INVITED'")
			.param(team.draw()).query(UUID.class).list()));
		for (UUID expert : picked) {
			String username = TestActor.cityStaff().call(() -> pool.expert(expert)).username();
			TestActor.of(username, Role.EXPERT, TestActor.CITY, false).run(() -> draws.respond(team.draw(), true));
		}
	}
}
