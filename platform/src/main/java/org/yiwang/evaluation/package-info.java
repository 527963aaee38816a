/**
 * Evaluation (评标): the expert pool, the verifiable expert draw with automatic avoidance, evaluation committees,
 * reviews and scoring by price formulas held as data, signed score sheets and the committee's report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation",
		allowedDependencies = { "kernel", "system", "catalog", "account", "registry", "pki", "tendering", "venue" })
package org.yiwang.evaluation;
