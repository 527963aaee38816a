package org.yiwang.supervision.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.BidOrigin;
import org.yiwang.tendering.BidOrigins;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.OpenedBid;

/**
 * Bids of one section sent from the same IP address, or signed with the same certificate, by different bidders: the
 * implementing regulation counts bids "made by the same unit or person" and bids sent from one another's equipment as
 * collusion (招标投标法实施条例 第四十条). Evaluated at the opening, from where tendering received each bid.
 */
@Component
class OriginRules {

	private final Alerts alerts;

	private final BidOrigins origins;

	private final TransactionTemplate transactions;

	private final Set<String> ignoredAddresses;

	OriginRules(Alerts alerts, BidOrigins origins, TransactionTemplate transactions,
			@Value("${yiwang.supervision.same-ip-ignored:}") Set<String> ignoredAddresses) {
		this.alerts = alerts;
		this.origins = origins;
		this.transactions = transactions;
		this.ignoredAddresses = ignoredAddresses;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(BidsOpened opened) {
		// tendering reads in its own transaction (its scope is set before it begins); the alerts are written in ours
		List<UUID> ids = opened.bids().stream().map(OpenedBid::bidId).toList();
		List<BidOrigin> found = origins.ofOpened(ids);
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> evaluate(opened, found)));
	}

	void evaluate(BidsOpened opened, List<BidOrigin> found) {
		String key = opened.section().value() + ":" + opened.round();
		shared(found.stream().filter(o -> !ignoredAddresses.contains(o.sourceIp())).toList(), BidOrigin::sourceIp)
			.ifPresent(e -> raise("SAME_IP", key, opened,
					"不同投标人的投标文件来自同一 IP 地址（实施条例第四十条） bids of different bidders sent from the same IP address:\n" + e));
		shared(found, BidOrigin::signerFingerprint)
			.ifPresent(e -> raise("SAME_CERTIFICATE", key, opened,
					"不同投标人的投标文件由同一数字证书签名（实施条例第四十条） bids of different bidders signed with the same certificate (SHA-256 fingerprint):\n"
							+ e));
	}

	/** The values shared by two or more different bidders, each with the bidders' names. */
	static java.util.Optional<String> shared(List<BidOrigin> found, Function<BidOrigin, String> value) {
		Map<String, List<BidOrigin>> by = found.stream().filter(o -> value.apply(o) != null)
			.collect(Collectors.groupingBy(value, LinkedHashMap::new, Collectors.toList()));
		List<String> lines = new ArrayList<>();
		by.forEach((v, list) -> {
			if (list.stream().map(BidOrigin::bidder).distinct().count() > 1) {
				lines.add(String.format(Locale.ROOT, "%s: %s", v,
						list.stream().map(BidOrigin::bidderName).sorted().collect(Collectors.joining(", "))));
			}
		});
		return lines.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("\n", lines));
	}

	private void raise(String rule, String key, BidsOpened opened, String evidence) {
		alerts.raise(new Alerts.Finding(rule, key + ":" + rule, opened.section().value(), opened.tradeCode().value(),
				opened.tradeCode().value(), opened.region(), opened.category(), evidence));
	}
}
