package org.yiwang.intermediary;

/** The owner's rating of a delivered and accepted service: quality, timeliness and attitude 1–5, and a comment. */
public record NewRating(Integer quality, Integer timeliness, Integer attitude, String comment) {
}
