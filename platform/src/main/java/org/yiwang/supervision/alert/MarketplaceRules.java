package org.yiwang.supervision.alert;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.intermediary.DirectSelectionMade;
import org.yiwang.intermediary.SelectionDesk;
import org.yiwang.system.RegionScopes;

/**
 * The intermediary marketplace's direct selections (直接选取) reach the competent regulator as alerts: the owner chose
 * without competition on a stated legal basis, and the regulator checks the basis, the facts and how often this owner
 * chose this firm this year.
 */
@Component
class MarketplaceRules {

	private final Alerts alerts;

	private final TransactionTemplate transactions;

	private final MessageSource messages;

	MarketplaceRules(Alerts alerts, TransactionTemplate transactions, MessageSource messages) {
		this.alerts = alerts;
		this.transactions = transactions;
		this.messages = messages;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(DirectSelectionMade made) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> raise(made)));
	}

	void raise(DirectSelectionMade made) {
		String evidence = String.format(Locale.ROOT, """
				业主 owner: %s
				直接选取 chosen directly: %s
				法定依据 legal basis: %s
				%s
				理由 reason: %s
				本年度该业主直接选取该中介第 %d 次 times this owner chose this firm directly this year: %d""",
				made.ownerName(), made.intermediaryName(), basis(made, Locale.SIMPLIFIED_CHINESE), basis(made, Locale.ENGLISH),
				made.reason(),
				made.selectionsThisYear(), made.selectionsThisYear());
		alerts.raise(new Alerts.Finding("DIRECT_SELECTION", "intermediary:" + made.request() + ":DIRECT_SELECTION",
				null, made.tradeCode().value(), made.tradeCode().value(), made.region(), SelectionDesk.CATEGORY,
				evidence));
	}

	/** The evidence names the legal basis in words (both languages), as the marketplace's pages do. */
	private String basis(DirectSelectionMade made, Locale locale) {
		return messages.getMessage("intermediary.basis." + made.basis().name(), null, made.basis().name(), locale);
	}
}
