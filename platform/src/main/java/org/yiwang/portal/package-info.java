/**
 * The portal (一网汇聚): every public record of every region and category in one place, searchable in Chinese, with
 * saved searches, and the public service platform's open data (OCDS release packages and feed). It learns of records
 * through events only (asking the publishing module, as the platform, for what an event must not carry: the whole ID
 * numbers the national uplink sends). Only supervision depends on it, reading the same OCDS packages anyone downloads
 * and its record events to compute procedural red flags.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal",
		allowedDependencies = { "kernel", "system", "catalog", "pki", "tendering", "evaluation", "auction",
				"intermediary", "procurement", "purchasing" })
package org.yiwang.portal;
