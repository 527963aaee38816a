package org.yiwang.tendering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.Money;

/**
 * What the national data specification asks of a published record beyond its text, as the platform captured it when
 * it was published. Every part may be null: the platform did not capture it (a record published before it did, a
 * tender run without an agency), and the uplink then reports the field as missing instead of guessing it.
 *
 * @param tenderProjectCode the tender project's code (招标项目编号), numbered per region and year like trade codes
 * @param sectionCode the section's code (标段（包）编号): the tender project's code and the section's ordinal in it
 * @param documentsFrom when the tender documents can be downloaded from (招标文件获取时间)
 * @param documentsUntil until when they can be downloaded (招标文件获取截至时间)
 * @param consortiumAllowed whether consortia may bid (是否允许联合体投标), as the notice's drafter stated it
 * @param tenderer the tenderer's contact details as the registry holds them at publication
 * @param agency the agency's, when an agency runs the tender
 * @param publisher the name of the person who published the record (公告发布责任人): the staff member who
 * published a notice, the tenderer's member who confirmed a winner; null when the platform published it on its own
 * @param publicityEnds the end of the candidates' publicity (公示结束时间)
 * @param winner the winner an award result or contract names: its kind, registered region, enterprise nature and
 * project manager
 * @param contractNumber the platform's number of the contract it recorded
 * @param contractSignedAt when the last party signed the contract
 * @param contractSummary the contract's main content (合同主要内容) as the tenderer's side summarised it at upload
 * @param tender the project, tender project and section as registered; given with the tender notice only
 * @param bidders every bidder of the round as the opening read it out; given with the opening record only
 * @param evaluation the evaluation report the candidates' publicity publishes; given with that publicity only
 */
public record NoticeParticulars(String tenderProjectCode, String sectionCode, Instant documentsFrom,
		Instant documentsUntil, Boolean consortiumAllowed, Contact tenderer, Contact agency, String publisher,
		Instant publicityEnds, Winner winner, String contractNumber, Instant contractSignedAt, String contractSummary,
		TenderParticulars tender, List<Bidder> bidders, Evaluation evaluation) {

	public NoticeParticulars {
		bidders = bidders == null ? List.of() : List.copyOf(bidders);
	}

	/**
	 * The evaluation report of a section's round (评标报告) as the candidates' publicity publishes it.
	 *
	 * @param report the evaluation module's report id
	 * @param method the evaluation method ({@code WEIGHTED_SCORING}, {@code LOWEST_EVALUATED_PRICE})
	 * @param reportSha256 hex SHA-256 of the signed report PDF
	 * @param candidates ranked from 1
	 */
	public record Evaluation(UUID report, int round, int attempt, String method, String reportSha256,
			List<Candidate> candidates) {

		public Evaluation {
			candidates = List.copyOf(candidates);
			attempt = Math.max(1, attempt); // records stored before attempts existed read as 0: they were the first
		}

		/** A round's first evaluation (attempt 1). */
		public Evaluation(UUID report, int round, String method, String reportSha256, List<Candidate> candidates) {
			this(report, round, 1, method, reportSha256, candidates);
		}
	}

	/**
	 * A candidate (中标候选人) with what the registry and its opened bid say of it.
	 *
	 * @param price its evaluated price (经评审的投标价)
	 * @param score the committee's total score under weighted scoring; null under the lowest evaluated price
	 * @param quality the quality the bidder's price sheet promised (质量), as the opening read it out
	 * @param qualifications how it meets the section's qualification requirements (中标候选人响应招标文件的资格能力条件),
	 * stated from the section's required types and the registry's certificates of the candidate; null when a required
	 * type has no certificate in the registry
	 */
	public record Candidate(int rank, String name, String creditCode, String kind, String registeredRegion,
			String enterpriseNature, Money price, BigDecimal score, String quality, String qualifications) {
	}

	/**
	 * A bidder of the round at the opening (投标人名单).
	 *
	 * @param bid the bid's id
	 * @param barred whether a blacklisting barred it in the section's region and category on the opening day
	 * @param securityForm how it holds the bid security ({@code GUARANTEE}, {@code CASH_DEPOSIT}); null when it holds
	 * none or the section asks none
	 * @param securityRequired whether the section asks bid security
	 * @param price the total price read out; null when the bid was not decrypted
	 * @param submittedAt when the platform received the sealed bid
	 * @param submittedBy the username of the member who submitted it
	 * @param projectManagerMaskedIdNumber masked like the winner's: the uplink asks
	 * {@link BidderPersonalData#bidderProjectManagerIdNumber} for the whole number
	 * @param projectManagerCertificate the certificate the project manager holds and its number (项目负责人相关证书和编号),
	 * e.g. 一级注册建造师 渝1502019202012345; null when not stated
	 * @param securityLodgedAt when the security it holds was lodged (保证金递交时间); null when it holds none. The
	 * submitting member's own phone (投标操作人联系方式) is personal data and travels in no event: the uplink asks
	 * {@link BidderPersonalData#bidderSubmitterPhone} for it
	 */
	public record Bidder(UUID bid, String name, String creditCode, String kind, String registeredRegion,
			String enterpriseNature, boolean barred, boolean securityRequired, String securityForm, Money price,
			Integer durationDays, Instant submittedAt, String submittedBy, String projectManager,
			String projectManagerMaskedIdNumber, String projectManagerCertificate, Instant securityLodgedAt) {
	}

	/** A party's registered contact details. */
	public record Contact(String creditCode, String address, String contactName, String contactPhone, String email) {
	}

	/**
	 * @param kind the registry's entity kind (ORGANIZATION, PERSON, CONSORTIUM)
	 * @param registeredRegion the administrative division code the entity is registered in
	 * @param enterpriseNature its enterprise nature code (企业性质, GB/T 12402-2000 经济类型), null when never stated
	 * @param projectManager the project manager (项目负责人) the winner stated for the section; null when none
	 * @param projectManagerMaskedIdNumber that person's resident ID number, masked: events are kept (audit log,
	 * publication registry), so the whole number travels in none; the uplink asks
	 * {@link AwardDesk#winnerProjectManagerIdNumber} for it
	 */
	public record Winner(String kind, String registeredRegion, String enterpriseNature, String projectManager,
			String projectManagerMaskedIdNumber) {
	}

	NoticeParticulars publishedBy(String name) {
		return new NoticeParticulars(tenderProjectCode, sectionCode, documentsFrom, documentsUntil, consortiumAllowed,
				tenderer, agency, name, publicityEnds, winner, contractNumber, contractSignedAt, contractSummary,
				tender, bidders, evaluation);
	}

	NoticeParticulars publicityEnding(Instant end) {
		return new NoticeParticulars(tenderProjectCode, sectionCode, documentsFrom, documentsUntil, consortiumAllowed,
				tenderer, agency, publisher, end, winner, contractNumber, contractSignedAt, contractSummary,
				tender, bidders, evaluation);
	}

	NoticeParticulars won(Winner w) {
		return new NoticeParticulars(tenderProjectCode, sectionCode, documentsFrom, documentsUntil, consortiumAllowed,
				tenderer, agency, publisher, publicityEnds, w, contractNumber, contractSignedAt, contractSummary,
				tender, bidders, evaluation);
	}

	NoticeParticulars contract(String number, Instant signedAt, String summary) {
		return new NoticeParticulars(tenderProjectCode, sectionCode, documentsFrom, documentsUntil, consortiumAllowed,
				tenderer, agency, publisher, publicityEnds, winner, number, signedAt, summary, tender, bidders,
				evaluation);
	}

	NoticeParticulars withTender(TenderParticulars t) {
		return new NoticeParticulars(tenderProjectCode, sectionCode, documentsFrom, documentsUntil, consortiumAllowed,
				tenderer, agency, publisher, publicityEnds, winner, contractNumber, contractSignedAt, contractSummary, t,
				bidders, evaluation);
	}

	NoticeParticulars withBidders(List<Bidder> b) {
		return new NoticeParticulars(tenderProjectCode, sectionCode, documentsFrom, documentsUntil, consortiumAllowed,
				tenderer, agency, publisher, publicityEnds, winner, contractNumber, contractSignedAt, contractSummary, tender,
				b, evaluation);
	}

	NoticeParticulars withEvaluation(Evaluation e) {
		return new NoticeParticulars(tenderProjectCode, sectionCode, documentsFrom, documentsUntil, consortiumAllowed,
				tenderer, agency, publisher, publicityEnds, winner, contractNumber, contractSignedAt, contractSummary, tender,
				bidders, e);
	}
}
