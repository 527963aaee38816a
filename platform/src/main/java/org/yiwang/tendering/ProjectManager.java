package org.yiwang.tendering;

import java.time.Instant;

import org.yiwang.registry.ResidentIdNumber;

/**
 * The project manager (项目负责人) a registered bidder states for a section, outside its sealed bid: the national data
 * specification reports the winner's, with the resident ID number in full (dataset 513). Pages and notices show the
 * number masked only.
 */
record ProjectManager(String name, String idNumber, String statedBy, Instant statedAt) {

	/** 500103199001011234 becomes 500103**********34: the region and the last two characters. */
	static String masked(String idNumber) {
		return idNumber == null ? null : ResidentIdNumber.masked(idNumber);
	}

	ProjectManagerView view() {
		return new ProjectManagerView(name, masked(idNumber), statedAt);
	}
}
