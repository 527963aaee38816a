package org.yiwang.servicedesk;

/**
 * A request as filed on the web or at the counter.
 *
 * @param region the district whose center serves it (region code)
 * @param requesterName the walk-in's name at the counter; ignored on the web (the account's name is used)
 */
public record NewServiceRequest(String region, String item, String subject, String detail, String requesterName) {
}
