package org.yiwang.tendering;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.pki.SignatureVerification;
import org.yiwang.pki.Signatures;
import org.yiwang.registry.BindingStatus;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.ResidentIdNumber;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.TenderingChanged.DocumentDownloaded;
import org.yiwang.tendering.TenderingChanged.DocumentSigned;
import org.yiwang.tendering.TenderingChanged.DocumentUploaded;
import org.yiwang.tendering.TenderingChanged.InterestRegistered;
import org.yiwang.tendering.TenderingChanged.ProjectManagerStated;

/**
 * Tender documents and the bidders who take them. The tenderer or agency uploads documents (streamed to disk and
 * hashed, any size up to {@code yiwang.tendering.max-document-bytes}) while the notice is being drafted; a bidder
 * registers for a published section (an approved entity with the bidder role, not barred, holding the section's
 * qualifications) and downloads them while they are issued; every download is recorded.
 */
@Service
public class TenderDocuments {

	private static final Pattern FILE_NAME = Pattern.compile("[^\\\\/:*?\"<>|\\p{Cntrl}]{1,200}");

	private final Participation participation;

	private final SectionAccess access;

	private final TenderDesk desk;

	private final EntityRegistry registry;

	private final Blobs blobs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final long maxDocumentBytes;

	private final Signatures signatures;

	private final EntityCertificates certificates;

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ProcedureClock.CHINA);

	TenderDocuments(Participation participation, SectionAccess access, TenderDesk desk, EntityRegistry registry,
			Blobs blobs, Signatures signatures, EntityCertificates certificates, ApplicationEventPublisher events,
			Clock clock, @Value("${yiwang.tendering.max-document-bytes:2147483648}") long maxDocumentBytes) {
		this.signatures = signatures;
		this.certificates = certificates;
		this.participation = participation;
		this.access = access;
		this.desk = desk;
		this.registry = registry;
		this.blobs = blobs;
		this.events = events;
		this.clock = clock;
		this.maxDocumentBytes = maxDocumentBytes;
	}

	/** A document's content, opened on demand, with its record. */
	public record Download(DocumentView document, Supplier<InputStream> content) {
	}

	/**
	 * The tenderer or agency uploads a tender document while the notice can still change. The stream is read to its
	 * end onto disk before anything is recorded; a refusal leaves neither file nor row.
	 */
	public DocumentView upload(SectionId id, String fileName, String contentType, InputStream content) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("document", "section:" + id, null, () -> {
			SectionView section = access.platform(() -> {
				EntityView me = access.myEntity("tendering.entity.notParty", EntityRole.TENDERER, EntityRole.AGENCY);
				return access.forParty(id, me);
			});
			if (!section.status().noticeEditable()) {
				throw Refusal.conflict(null, "tendering.notice.notEditable");
			}
			String given = fileName == null ? "" : fileName.strip();
			String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
			if (!FILE_NAME.matcher(name).matches()) {
				throw Refusal.invalid("file", "tendering.document.name");
			}
			if (content == null) {
				throw Refusal.invalid("file", "tendering.document.empty");
			}
			Blobs.Stored stored = blobs.store(content, maxDocumentBytes, "file", "tendering.document.empty",
					"tendering.document.tooLarge");
			String type = contentType == null || contentType.isBlank() || contentType.length() > 100
					? "application/octet-stream" : contentType.strip();
			Instant now = clock.instant();
			DocumentView document = new DocumentView(UUID.randomUUID(), id, name, type, stored.size(), stored.sha256(),
					stored.sm3(), acting.actor().username(), now, null, null, null, null, null);
			return access.platform(() -> {
				// checked again in the transaction that records it: the notice may have been submitted meanwhile
				SectionView current = access.forParty(id, access.myEntity("tendering.entity.notParty", EntityRole.TENDERER,
						EntityRole.AGENCY));
				if (!current.status().noticeEditable()) {
					throw Refusal.conflict(null, "tendering.notice.notEditable");
				}
				participation.addDocument(document, current.region());
				events.publishEvent(new DocumentUploaded(acting.actor(), id, document.id(), name, stored.size(),
						stored.sha256(), stored.sm3(), current.region(), now));
				return document;
			});
		});
	}

	/**
	 * The tenderer or the agency managing the tender signs a document before its notice goes out: a detached signature
	 * over the file's exact bytes as downloaded (e.g. {@code bidtool sign}, {@code openssl dgst -sm3 -sign}) with the
	 * certificate, which must be trusted now and bound to the signing entity. The file is read from disk in chunks
	 * (never whole) and outside any transaction; the notice cannot be submitted while a document is unsigned.
	 *
	 * @param algorithm e.g. {@code SM3withSM2} (the default), {@code SHA256withECDSA}, {@code SHA256withRSA}
	 */
	public DocumentView sign(UUID documentId, byte[] signature, byte[] certificate, String algorithm) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("document.signature", "document:" + documentId, null, () -> {
			record Signing(DocumentView document, EntityView me) {
			}
			Signing signing = access.platform(() -> {
				DocumentView d = participation.document(documentId).orElseThrow(TenderDocuments::notFound);
				EntityView me = access.myEntity("tendering.entity.notParty", EntityRole.TENDERER, EntityRole.AGENCY);
				SectionView section = access.forParty(d.section(), me);
				if (!section.status().noticeEditable()) {
					throw Refusal.conflict(null, "tendering.notice.notEditable");
				}
				if (d.signed()) {
					throw Refusal.conflict(null, "tendering.document.signedAlready");
				}
				return new Signing(d, me);
			});
			if (signature == null || signature.length == 0) {
				throw Refusal.invalid("signature", "tendering.document.signatureMissing");
			}
			if (certificate == null || certificate.length == 0) {
				throw Refusal.invalid("certificate", "tendering.document.certificateMissing");
			}
			SignatureAlgorithm alg = SignatureFields.algorithm(algorithm);
			String sha256 = signing.document().sha256();
			SignatureVerification checked = signatures.verify(() -> blobs.open(sha256), signature, certificate, alg);
			if (!checked.valid()) {
				throw Refusal.invalid("signature", checked.messageKey(),
						checked.revokedAt() == null ? "" : SHOWN.format(checked.revokedAt()));
			}
			String fingerprint = checked.signer().fingerprint();
			return access.platform(() -> {
				boolean bound = certificates.bindings(signing.me().id()).stream()
					.anyMatch(b -> b.status() == BindingStatus.ACTIVE && b.fingerprint().equalsIgnoreCase(fingerprint));
				if (!bound) {
					throw Refusal.invalid("certificate", "tendering.document.signerNotBound", signing.me().name());
				}
				SectionView current = access.forParty(signing.document().section(), signing.me());
				if (!current.status().noticeEditable()) {
					throw Refusal.conflict(null, "tendering.notice.notEditable");
				}
				Instant now = clock.instant();
				if (!participation.signDocument(documentId, signature, alg.jcaName(),
						pem(certificate), checked.signer().subject(), fingerprint,
						signing.me().name(), acting.actor().username(), now)) {
					throw Refusal.conflict(null, "tendering.document.signedAlready");
				}
				events.publishEvent(new DocumentSigned(acting.actor(), current.id(), documentId, sha256, fingerprint,
						signing.me().name(), current.region(), now, current.tradeCode(), signing.document().fileName(),
						signing.document().sm3(), alg.jcaName(), Base64.getEncoder().encodeToString(signature),
						pem(certificate), checked.signer().subject()));
				return participation.document(documentId).orElseThrow();
			});
		});
	}

	/** A signed document's detached signature and signer certificate, for anyone who may download the document. */
	public record Signed(DocumentView document, byte[] signature, String certificatePem) {
	}

	public Signed signature(UUID documentId) {
		DocumentView document = download(documentId, false).document();
		Participation.DocumentSignature signed = access.platform(() -> participation.documentSignature(documentId))
			.orElseThrow(() -> Refusal.notFound("tendering.document.unsigned"));
		return new Signed(document, signed.signature(), signed.certificate());
	}

	/**
	 * A bidder registers for a published section while its documents are issued: an approved entity with the bidder
	 * role, not barred in the section's region and category, holding each required qualification valid today.
	 * Registering again changes nothing.
	 */
	public SectionView registerInterest(SectionId id) {
		Acting acting = Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		return access.audited("interest", "section:" + id, null, () -> access.platform(() -> {
			SectionView section = access.published(id);
			EntityView bidder = access.myEntity("tendering.entity.notBidder", EntityRole.BIDDER);
			Instant now = clock.instant();
			if (!desk.clockOf(section).documentsAvailable(now)) {
				throw Refusal.conflict(null, "tendering.documents.notAvailable");
			}
			access.requireEligible(bidder, section);
			if (participation.addInterest(id, bidder.id(), bidder.name(), section.region(), acting.actor().username(),
					now)) {
				events.publishEvent(new InterestRegistered(acting.actor(), id, bidder.id(), section.region(), now));
			}
			return section;
		}));
	}

	/**
	 * A registered bidder states its project manager (项目负责人) for the section, outside its sealed bid, until the bid
	 * deadline: a name of 2 to 30 characters and that person's 18-character resident ID number (checked: form, birth
	 * date, check character), and the certificate the person holds for the work with its number (项目负责人相关证书和编号,
	 * e.g. 一级注册建造师 渝1502019202012345). Stating again replaces it. Pages show the ID number masked; the national
	 * uplink alone gets it whole.
	 */
	public ProjectManagerView stateProjectManager(SectionId id, String name, String idNumber, String certificate,
			String certificateNumber) {
		Acting acting = Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		String manager = name == null ? "" : name.strip();
		if (manager.isEmpty()) {
			throw Refusal.invalid("managerName", "tendering.projectManager.nameRequired");
		}
		int length = manager.codePointCount(0, manager.length());
		if (length < 2 || length > 30 || manager.codePoints().anyMatch(Character::isISOControl)
				|| manager.codePoints().anyMatch(Character::isDigit)) {
			throw Refusal.invalid("managerName", "tendering.projectManager.nameForm");
		}
		String number = idNumber == null ? "" : idNumber.strip().toUpperCase();
		if (number.isEmpty()) {
			throw Refusal.invalid("managerIdNumber", "tendering.projectManager.idRequired");
		}
		Instant now = clock.instant();
		Optional<String> problem = ResidentIdNumber.problem(number,
				java.time.LocalDate.ofInstant(now, ProcedureClock.CHINA));
		if (problem.isPresent()) {
			throw Refusal.invalid("managerIdNumber", problem.get(), problem.get().endsWith("check")
					? String.valueOf(ResidentIdNumber.checkCharacter(number)) : "");
		}
		String held = certificate == null ? "" : certificate.strip();
		int heldLength = held.codePointCount(0, held.length());
		if (heldLength < 2 || heldLength > 50 || held.codePoints().anyMatch(Character::isISOControl)) {
			throw Refusal.invalid("managerCertificate", "tendering.projectManager.certificate");
		}
		String heldNumber = certificateNumber == null ? "" : certificateNumber.strip();
		if (!ProjectManager.CERTIFICATE_NUMBER.matcher(heldNumber).matches()) {
			throw Refusal.invalid("managerCertificateNumber", "tendering.projectManager.certificateNumber");
		}
		return access.audited("interest.projectManager", "section:" + id, null, () -> access.platform(() -> {
			SectionView section = access.published(id);
			EntityView bidder = access.myEntity("tendering.entity.notBidder", EntityRole.BIDDER);
			if (section.bidDeadline() != null && !now.isBefore(section.bidDeadline())) {
				throw Refusal.conflict(null, "tendering.projectManager.afterDeadline");
			}
			if (!participation.stateProjectManager(id, bidder.id(), manager, number, held, heldNumber,
					acting.actor().username(), now)) {
				throw Refusal.conflict(null, "tendering.projectManager.notRegistered");
			}
			events.publishEvent(new ProjectManagerStated(acting.actor(), id, bidder.id(), manager,
					ProjectManager.masked(number), section.region(), now));
			return participation.projectManager(id, bidder.id()).orElseThrow().view();
		}));
	}

	/** The project manager the acting bidder stated for the section, masked; empty when none. */
	public Optional<ProjectManagerView> myProjectManager(SectionId id) {
		Actors.requireAnyRole("tendering.bidderOnly", Role.BIDDER);
		return access.platform(() -> {
			EntityView bidder = registry.myEntity().orElse(null);
			return bidder == null ? Optional.<ProjectManagerView>empty()
					: participation.projectManager(id, bidder.id()).map(ProjectManager::view);
		});
	}

	/**
	 * A document's content. A bidder must have registered and the documents be issued now; its download is recorded.
	 * The tenderer, its agency and the section's staff read the documents without a record.
	 */
	public Download download(UUID documentId) {
		return download(documentId, true);
	}

	private Download download(UUID documentId, boolean recorded) {
		Acting acting = Actors.required();
		Instant now = clock.instant();
		DocumentView document;
		if (SectionAccess.isStaff(acting) || acting.hasRole(Role.REGULATOR)) {
			document = access.scoped(() -> {
				DocumentView d = participation.document(documentId).orElseThrow(TenderDocuments::notFound);
				access.forStaff(d.section());
				return d;
			});
		}
		else {
			document = access.audited("download", "document:" + documentId, null, () -> access.platform(() -> {
				DocumentView d = participation.document(documentId).orElseThrow(TenderDocuments::notFound);
				EntityView me = registry.myEntity().orElseThrow(TenderDocuments::notFound);
				if (SectionAccess.isParty(acting)) {
					try {
						access.forParty(d.section(), me);
						return d;
					}
					catch (Refusal notTheirs) {
						if (!acting.hasRole(Role.BIDDER)) {
							throw notTheirs;
						}
					}
				}
				if (!acting.hasRole(Role.BIDDER)) {
					throw notFound();
				}
				SectionView section = access.published(d.section());
				if (!participation.interested(section.id(), me.id())) {
					throw Refusal.conflict(null, "tendering.documents.registerFirst");
				}
				if (!desk.clockOf(section).documentsAvailable(now)) {
					throw Refusal.conflict(null, "tendering.documents.notAvailable");
				}
				if (recorded) {
					participation.addDownload(section.id(), d.id(), me.id(), section.region(), acting.actor().username(),
							now);
					events.publishEvent(new DocumentDownloaded(acting.actor(), section.id(), d.id(), me.id(),
							section.region(), now));
				}
				return d;
			}));
		}
		return new Download(document, () -> blobs.open(document.sha256()));
	}

	/** The certificate as PEM text: kept as uploaded when it is PEM, wrapped when it is DER. */
	private static String pem(byte[] certificate) {
		String text = new String(certificate, StandardCharsets.US_ASCII);
		int start = text.indexOf("-----BEGIN CERTIFICATE-----");
		int end = text.indexOf("-----END CERTIFICATE-----", Math.max(start, 0));
		if (start >= 0 && end > start) {
			return text.substring(start, end + "-----END CERTIFICATE-----".length()) + "\n";
		}
		return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(certificate) + "\n-----END CERTIFICATE-----\n";
	}

	private static Refusal notFound() {
		return Refusal.notFound("tendering.document.notFound");
	}
}
