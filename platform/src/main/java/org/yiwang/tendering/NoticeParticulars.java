package org.yiwang.tendering;

import java.time.Instant;

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
 * @param winner the winner an award result or contract names: its kind and registered region
 * @param contractNumber the platform's number of the contract it recorded
 * @param contractSignedAt when the last party signed the contract
 */
public record NoticeParticulars(String tenderProjectCode, String sectionCode, Instant documentsFrom,
		Instant documentsUntil, Boolean consortiumAllowed, Contact tenderer, Contact agency, String publisher,
		Instant publicityEnds, Winner winner, String contractNumber, Instant contractSignedAt) {

	/** A party's registered contact details. */
	public record Contact(String creditCode, String address, String contactName, String contactPhone, String email) {
	}

	/**
	 * @param kind the registry's entity kind (ORGANIZATION, PERSON, CONSORTIUM)
	 * @param registeredRegion the administrative division code the entity is registered in
	 */
	public record Winner(String kind, String registeredRegion) {
	}

	NoticeParticulars publishedBy(String name) {
		return new NoticeParticulars(tenderProjectCode, sectionCode, documentsFrom, documentsUntil, consortiumAllowed,
				tenderer, agency, name, publicityEnds, winner, contractNumber, contractSignedAt);
	}

	NoticeParticulars publicityEnding(Instant end) {
		return new NoticeParticulars(tenderProjectCode, sectionCode, documentsFrom, documentsUntil, consortiumAllowed,
				tenderer, agency, publisher, end, winner, contractNumber, contractSignedAt);
	}

	NoticeParticulars won(Winner w) {
		return new NoticeParticulars(tenderProjectCode, sectionCode, documentsFrom, documentsUntil, consortiumAllowed,
				tenderer, agency, publisher, publicityEnds, w, contractNumber, contractSignedAt);
	}

	NoticeParticulars contract(String number, Instant signedAt) {
		return new NoticeParticulars(tenderProjectCode, sectionCode, documentsFrom, documentsUntil, consortiumAllowed,
				tenderer, agency, publisher, publicityEnds, winner, number, signedAt);
	}
}
