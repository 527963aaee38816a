package org.yiwang.audit.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.audit.ChainVerification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "The hash-chained audit log")
class AuditApi {

	private final AuditLog log;

	AuditApi(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/entries")
	@Operation(summary = "Newest entries in the caller's region scope, with everything needed to recompute their hashes")
	List<AuditEntry> entries(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		return log.latest(q == null || q.length() <= 100 ? q : q.substring(0, 100), limit);
	}

	@GetMapping("/verification")
	@Operation(summary = "Recompute the whole chain and name the first entry altered or removed")
	ChainVerification verify() {
		return log.verify();
	}
}
