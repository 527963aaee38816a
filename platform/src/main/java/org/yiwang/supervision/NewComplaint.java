package org.yiwang.supervision;

import java.time.LocalDate;

/**
 * A complaint as the complainant files it: the section, what it is about, the facts and the request, the day it knew,
 * and, where the law wants an objection first, the days that objection was raised and answered (answered may be
 * empty when the tenderer did not answer).
 */
public record NewComplaint(String section, ComplaintGround ground, String matter, String request, LocalDate knownOn,
		LocalDate objectionRaisedOn, LocalDate objectionAnsweredOn) {
}
