package org.yiwang.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** A framework agreement (closed, or open: see {@link OpenFrameworks}) as its reader may see it (suppliers filtered by {@link FrameworkAgreements}). */
public record FrameworkView(UUID id, TradeCode tradeCode, RegionCode region, CategoryCode category, String title,
		String requirements, String unit, Money maxUnitPrice, FrameworkEvaluation evaluation, SecondStage secondStage,
		Integer entryCap, int termMonths, EntityId purchaser, String purchaserName, String purchaserCreditCode,
		Instant submittedAt, FrameworkStatus status, Instant publishedAt, Instant responseDeadline, String noticeText,
		String noticeSignature, String entryText, String entrySignature, Instant selectedAt, Instant validUntil,
		String failureReason, long version, List<FrameworkSupplierView> suppliers) {

	FrameworkView withSuppliers(List<FrameworkSupplierView> visible) {
		return new FrameworkView(id, tradeCode, region, category, title, requirements, unit, maxUnitPrice, evaluation,
				secondStage, entryCap, termMonths, purchaser, purchaserName, purchaserCreditCode, submittedAt, status,
				publishedAt, responseDeadline, noticeText, noticeSignature, entryText, entrySignature, selectedAt,
				validUntil, failureReason, version, List.copyOf(visible));
	}

	FrameworkView published(Instant at, Instant deadline, String text, String signature) {
		return new FrameworkView(id, tradeCode, region, category, title, requirements, unit, maxUnitPrice, evaluation,
				secondStage, entryCap, termMonths, purchaser, purchaserName, purchaserCreditCode, submittedAt,
				FrameworkStatus.PUBLISHED, at, deadline, text, signature, null, null, null, null, null, version, suppliers);
	}

	FrameworkView selected(FrameworkStatus to, Instant at, Instant until, String text, String signature, String failure) {
		return new FrameworkView(id, tradeCode, region, category, title, requirements, unit, maxUnitPrice, evaluation,
				secondStage, entryCap, termMonths, purchaser, purchaserName, purchaserCreditCode, submittedAt, to,
				publishedAt, responseDeadline, noticeText, noticeSignature, text, signature, at, until, failure, version,
				suppliers);
	}

	/** The same framework with its call re-signed (an open framework's republication). */
	FrameworkView noticed(String text, String signature) {
		return new FrameworkView(id, tradeCode, region, category, title, requirements, unit, maxUnitPrice, evaluation,
				secondStage, entryCap, termMonths, purchaser, purchaserName, purchaserCreditCode, submittedAt, status,
				publishedAt, responseDeadline, text, signature, entryText, entrySignature, selectedAt, validUntil,
				failureReason, version, suppliers);
	}

	/** Whether second-stage orders may be placed at {@code now}. */
	public boolean inForceAt(Instant now) {
		return status == FrameworkStatus.IN_FORCE && validUntil != null && now.isBefore(validUntil);
	}
}
