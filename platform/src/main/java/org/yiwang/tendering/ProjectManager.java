package org.yiwang.tendering;

import java.time.Instant;
import java.util.regex.Pattern;

import org.yiwang.registry.ResidentIdNumber;

/**
 * The project manager (项目负责人) a registered bidder states for a section, outside its sealed bid: the national data
 * specification reports the winner's, with the resident ID number in full (dataset 513). Pages and notices show the
 * number masked only.
 */
record ProjectManager(String name, String idNumber, String statedBy, Instant statedAt, String certificate,
		String certificateNumber) {

	/** A certificate number as issuers print them: 4 to 40 letters, digits, CJK characters, hyphens or brackets. */
	static final Pattern CERTIFICATE_NUMBER = Pattern.compile("[0-9A-Za-z\\p{IsHan}()（）\\-]{4,40}");

	/** 项目负责人相关证书和编号: the certificate and its number, e.g. 一级注册建造师 渝1502019202012345; null when not stated. */
	String certificateAndNumber() {
		return certificate == null || certificateNumber == null ? null : certificate + " " + certificateNumber;
	}

	/** 500103199001011234 becomes 500103**********34: the region and the last two characters. */
	static String masked(String idNumber) {
		return idNumber == null ? null : ResidentIdNumber.masked(idNumber);
	}

	ProjectManagerView view() {
		return new ProjectManagerView(name, masked(idNumber), statedAt, certificate, certificateNumber);
	}
}
