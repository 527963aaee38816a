package org.yiwang.servicedesk;

import java.util.Set;

/** A user's rating as given: a level, the reasons picked from the national list, and words of their own. */
public record NewRating(String level, Set<String> reasons, String comment) {
}
