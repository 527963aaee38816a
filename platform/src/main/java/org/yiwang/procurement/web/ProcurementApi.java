package org.yiwang.procurement.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.procurement.FrameworkAgreements;
import org.yiwang.procurement.FrameworkOrderView;
import org.yiwang.procurement.FrameworkOrders;
import org.yiwang.procurement.FrameworkView;
import org.yiwang.procurement.ProcurementDesk;
import org.yiwang.procurement.ProcurementView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Procurement cases and framework agreements as JSON, read only. Each answer is what the same reader sees on the pages:
 * the public published records, the team its whole case, a supplier its own part; another district's staff nothing.
 */
@RestController
@RequestMapping("/api/procurement")
@Tag(name = "procurement", description = "Government procurement by negotiation, consultation, quotations, single source and framework agreements")
class ProcurementApi {

	private final ProcurementDesk desk;

	private final FrameworkAgreements agreements;

	private final FrameworkOrders orders;

	ProcurementApi(ProcurementDesk desk, FrameworkAgreements agreements, FrameworkOrders orders) {
		this.desk = desk;
		this.agreements = agreements;
		this.orders = orders;
	}

	@GetMapping("/cases")
	@Operation(summary = "Published cases, newest first (public)")
	List<ProcurementView> cases() {
		return desk.publicCases();
	}

	@GetMapping("/cases/{id}")
	@Operation(summary = "One case as the reader may see it (public once published; the team and invited suppliers see more)")
	ProcurementView procurement(@PathVariable UUID id) {
		return desk.get(id);
	}

	@GetMapping("/mine")
	@Operation(summary = "The signed-in purchaser's or supplier's cases")
	List<ProcurementView> mine() {
		return desk.mine();
	}

	@GetMapping("/frameworks")
	@Operation(summary = "Published framework agreements, newest first (public)")
	List<FrameworkView> frameworks() {
		return agreements.publicFrameworks();
	}

	@GetMapping("/frameworks/{id}")
	@Operation(summary = "One framework agreement: call, entry list and entrants (the team sees every response)")
	FrameworkView framework(@PathVariable UUID id) {
		return agreements.get(id);
	}

	@GetMapping("/frameworks/{id}/orders")
	@Operation(summary = "A framework's second-stage orders (public once the framework is published)")
	List<FrameworkOrderView> frameworkOrders(@PathVariable UUID id) {
		agreements.get(id);
		return orders.orders(id);
	}
}
