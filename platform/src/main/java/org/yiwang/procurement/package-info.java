/**
 * Government procurement by the non-tender methods (政府采购法 第二十六条): competitive negotiation with rounds and sealed
 * final offers, competitive consultation, request for quotations and single source with its publicity and objections,
 * each from its published notice to a published result.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procurement",
		allowedDependencies = { "kernel", "system", "catalog", "registry", "pki", "evaluation" })
package org.yiwang.procurement;
