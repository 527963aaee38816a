package org.yiwang.intermediary;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directSelectionsPerYear how many times in a calendar year (Beijing time) one owner may choose the same
 *        intermediary directly (rotation: a further direct selection of it is refused)
 * @param shortestSignup the least time between publication and the sign-up deadline
 * @param longestSignup the most
 */
@ConfigurationProperties("yiwang.intermediary")
record IntermediarySettings(@DefaultValue("2") int directSelectionsPerYear,
		@DefaultValue("1h") Duration shortestSignup, @DefaultValue("90d") Duration longestSignup) {
}
