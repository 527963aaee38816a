package org.yiwang.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.OpenedBid;
import org.yiwang.tendering.OpenedBidFiles;
import org.yiwang.tendering.SectionId;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The document screens on constructed files: a real DOCX (Apache POI) and PDF (OpenPDF) with their metadata, MinHash
 * over their text; two bidders' documents by the same author and nearly the same text raise SAME_DOCUMENT_AUTHOR and
 * NEAR_DUPLICATE_BIDS with the evidence, a third bidder's own document is in neither, and a section of independent
 * documents (a shared default author such as "Administrator" included) raises nothing.
 */
@PlatformTest
class DocumentRulesTests {

	@Autowired
	DocumentRules documents;

	@Autowired
	TransactionRules rules;

	@Autowired
	Alerts alerts;

	@Autowired
	OpenedBidFiles files;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	static final String YUZHONG = TestActor.YUZHONG;

	/** Deterministic Chinese text of this length from a seed (common CJK ideographs). */
	static String text(long seed, int length) {
		Random random = new Random(seed);
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < length; i++) {
			s.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
			if (i % 40 == 39) {
				s.append("。\n");
			}
		}
		return s.toString();
	}

	/** The same text with every hundredth character changed: what a copied bid with its names swapped looks like. */
	static String edited(String text) {
		StringBuilder s = new StringBuilder(text);
		for (int i = 50; i < s.length(); i += 100) {
			s.setCharAt(i, '改');
		}
		return s.toString();
	}

	static byte[] docx(String author, String lastModifiedBy, String text) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.getProperties().getCoreProperties().setCreator(author);
			doc.getProperties().getCoreProperties().setLastModifiedByUser(lastModifiedBy);
			doc.getProperties().getExtendedProperties().setApplication("WPS Office");
			for (String paragraph : text.split("\n")) {
				doc.createParagraph().createRun().setText(paragraph);
			}
			doc.write(out);
			return out.toByteArray();
		}
	}

	static byte[] pdf(String author, String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document();
		PdfWriter.getInstance(doc, out);
		doc.addAuthor(author);
		doc.addCreator("Microsoft Word");
		doc.addCreationDate();
		doc.open();
		doc.add(new Paragraph(text));
		doc.close();
		return out.toByteArray();
	}

	static String latin(long seed, int words) {
		Random random = new Random(seed);
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < words; i++) {
			for (int c = 0; c < 3 + random.nextInt(6); c++) {
				s.append((char) ('a' + random.nextInt(26)));
			}
			s.append(' ');
		}
		return s.toString();
	}

	SectionId opened(String trade) {
		SectionId section = new SectionId(UUID.randomUUID());
		List<OpenedBid> bids = List.of();
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> rules.opened(new BidsOpened(Actor.SYSTEM,
				section, TradeCode.of(trade), 1, RegionCode.of(YUZHONG), CategoryCode.of("ENG_BUILDING"), EntityId.random(),
				Money.of("1000000.00"), bids, UUID.randomUUID(), clock.instant()))));
		return section;
	}

	void screen(SectionId section, List<DocumentRules.BidDocument> docs) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> documents.screen(section.value(), 1, YUZHONG,
				docs)));
	}

	List<AlertView> raised(String trade, String rule) {
		return TestActor.regulator().call(() -> alerts.visible()).stream()
			.filter(a -> a.tradeCode().equals(trade) && a.rule().equals(rule)).toList();
	}

	DocumentRules.BidDocument doc(String bidder, String name, byte[] content) {
		return new DocumentRules.BidDocument(UUID.randomUUID(), bidder + run, bidder + "公司" + run, 1, name,
				org.yiwang.kernel.Sha256.hex(content), content);
	}

	@Test
	void metadataAndMinHashAreReadFromRealDocxAndPdf() throws IOException {
		String body = text(1, 3000);
		DocumentFingerprint word = DocumentFingerprint.of("技术标.docx", docx("王工", "李工", body));
		assertThat(word.author()).isEqualTo("王工");
		assertThat(word.lastModifiedBy()).isEqualTo("李工");
		assertThat(word.creator()).isEqualTo("WPS Office");
		assertThat(word.created()).isNotNull();
		DocumentFingerprint paper = DocumentFingerprint.of("商务标.pdf", pdf("Zhao Gong", latin(2, 400)));
		assertThat(paper.author()).isEqualTo("Zhao Gong");
		assertThat(paper.creator()).isEqualTo("Microsoft Word");
		assertThat(paper.producer()).isNotBlank();
		assertThat(paper.created()).isNotNull();
		assertThat(paper.shingles()).isGreaterThan(1000);
		// the same text re-flowed into another file has the same shingles; an edited copy is close; another text is not
		DocumentFingerprint again = DocumentFingerprint.of("copy.docx", docx("别人", "别人", body.replace("\n", "")));
		assertThat(DocumentFingerprint.similarity(word.minHash(), again.minHash())).isEqualTo(1.0);
		DocumentFingerprint copy = DocumentFingerprint.of("copy.docx", docx("别人", "别人", edited(body)));
		assertThat(DocumentFingerprint.similarity(word.minHash(), copy.minHash())).isBetween(0.8, 0.99);
		assertThat(DocumentFingerprint.shareBand(word.minHash(), copy.minHash())).isTrue();
		DocumentFingerprint other = DocumentFingerprint.of("other.docx", docx("别人", "别人", text(3, 3000)));
		assertThat(DocumentFingerprint.similarity(word.minHash(), other.minHash())).isLessThan(0.05);
		// broken input gives no metadata and does not throw
		DocumentFingerprint broken = DocumentFingerprint.of("broken.docx", "not a zip".getBytes());
		assertThat(broken.author()).isNull();
		assertThat(DocumentFingerprint.pdfDate("D:20261207103000+08'00'")).isEqualTo("2026-12-07T10:30:00+08:00");
	}

	@Test
	void twoBiddersDocumentsBySameAuthorAndAlmostTheSameTextRaiseBothAlertsWithTheirEvidence() throws IOException {
		String trade = "CQ-500103-2026-DOC" + run;
		SectionId section = opened(trade);
		String body = text(11, 4000);
		screen(section, List.of(doc("甲", "甲技术标.docx", docx("王某" + run, "王某" + run, body)),
				doc("乙", "乙技术标.docx", docx("王某" + run, "乙公司", edited(body))),
				doc("丙", "丙技术标.pdf", pdf("Zhao " + run, latin(12, 600)))));
		assertThat(raised(trade, "SAME_DOCUMENT_AUTHOR")).singleElement().satisfies(a -> assertThat(a.evidence())
			.contains("2 个投标人").contains("王某" + run).contains("甲公司" + run + "「甲技术标.docx」")
			.contains("乙公司" + run + "「乙技术标.docx」").contains("WPS Office").doesNotContain("丙公司" + run));
		assertThat(raised(trade, "NEAR_DUPLICATE_BIDS")).singleElement().satisfies(a -> assertThat(a.evidence())
			.contains("甲公司" + run).contains("乙公司" + run).contains("similarity").contains("MinHash")
			.doesNotContain("丙公司" + run));
		// screened again (a redelivered event): nothing more
		screen(section, List.of());
		assertThat(raised(trade, "NEAR_DUPLICATE_BIDS")).hasSize(1);
	}

	@Test
	void independentDocumentsAndACommonDefaultAuthorRaiseNothing() throws IOException {
		String trade = "CQ-500103-2026-IND" + run;
		SectionId section = opened(trade);
		screen(section, List.of(doc("甲", "a.docx", docx("Administrator", "Administrator", text(21, 3000))),
				doc("乙", "b.docx", docx("Administrator", "Administrator", text(22, 3000))),
				doc("丙", "c.pdf", pdf("Qian " + run, latin(23, 500)))));
		assertThat(raised(trade, "SAME_DOCUMENT_AUTHOR")).isEmpty();
		assertThat(raised(trade, "NEAR_DUPLICATE_BIDS")).isEmpty();
	}

	@Test
	void openedFilesAreReadByThePlatformOnlyAndNothingBeforeTheyAreRecorded() {
		assertThat(RegionScopes.callAsPlatform(() -> files.recordedContent(UUID.randomUUID(), 1))).isEmpty();
		assertThatThrownBy(() -> TestActor.regulator().call(() -> files.recordedContent(UUID.randomUUID(), 1)))
			.hasFieldOrPropertyWithValue("messageKey", "tendering.bidFiles.platformOnly");
	}
}
