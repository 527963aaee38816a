package org.yiwang.transparency;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiwang.evaluation.ExpertChanged;
import org.yiwang.intermediary.IntermediarySelected;
import org.yiwang.kernel.Sha256;
import org.yiwang.pki.ReceiptBatchSigned;
import org.yiwang.portal.RecordPublished;
import org.yiwang.supervision.SupervisionChanged;

/**
 * What the log takes in, each from the event that makes it public or receipted. A leaf holds the SHA-256 of the
 * fact's canonical bytes and its public identifier, never the content: docs/transparency-log.md gives each kind's
 * canonical bytes so anyone holding the fact can find its leaf.
 */
@Component
class LogListener {

	private final TransparencyLog log;

	LogListener(TransparencyLog log) {
		this.log = log;
	}

	/** Every public record (notices, clarifications, opening records, results, contracts, listings, rulings...). */
	@ApplicationModuleListener
	void on(RecordPublished record) {
		log.take("record", record.id().toString(), record.signedContentSha256());
	}

	/** Every receipt already signed in a batch keeps that receipt and gains an inclusion proof here. */
	@ApplicationModuleListener
	void on(ReceiptBatchSigned batch) {
		List<String> statements = batch.statementSha256();
		for (int i = 0; i < statements.size(); i++) {
			log.take("receipt", receiptId(batch.batch(), i), statements.get(i));
		}
	}

	static String receiptId(long batch, int leaf) {
		return "batch:" + batch + "/leaf:" + leaf;
	}

	/** An expert draw's commitment, logged before the draw is revealed: the seed and the pool cannot change after. */
	@ApplicationModuleListener
	void on(ExpertChanged.DrawCommitted draw) {
		log.take("expert-draw", "draw:" + draw.draw(), Sha256.hex(drawCommitment(draw.draw().toString(),
				draw.seedSha256(), draw.poolSha256())));
	}

	static String drawCommitment(String draw, String seedSha256, String poolSha256) {
		return "yiwang-draw-commitment v1\ndraw: " + draw + "\nseed-sha256: " + seedSha256 + "\npool-sha256: "
				+ poolSha256 + "\n";
	}

	/** An intermediary selection result as the platform signed it. */
	@ApplicationModuleListener
	void on(IntermediarySelected selected) {
		if (selected.signedText() != null) {
			log.take("intermediary-result", "request:" + selected.request(), Sha256.hex(selected.signedText()));
		}
	}

	/** A regulator's act that took effect (suspension, order, ruling, penalty). */
	@ApplicationModuleListener
	void on(SupervisionChanged.ActSigned act) {
		log.take("regulator-act", "act:" + act.act(), Sha256.hex(regulatorAct(act.act().toString(), act.kind().name(),
				act.actTarget(), act.signerFingerprint(), act.occurredAt().toString())));
	}

	static String regulatorAct(String act, String kind, String target, String signerFingerprint, String signedAt) {
		return "yiwang-regulator-act v1\nact: " + act + "\nkind: " + kind + "\ntarget: " + target + "\nsigner: "
				+ signerFingerprint + "\ntime: " + signedAt + "\n";
	}
}
