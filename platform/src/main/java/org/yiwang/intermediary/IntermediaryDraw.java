package org.yiwang.intermediary;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.yiwang.kernel.VerifiableDraw;

/**
 * The marketplace's random selection: the platform's commit-reveal draw ({@link VerifiableDraw}, the expert draw's
 * scheme) over one group, the request's service type, with one seat and the qualified sign-ups as the eligible ids.
 * The verification record has the expert draw's shape, so {@code docs/expert-draw-verify.py} recomputes it.
 */
final class IntermediaryDraw {

	static final String POOL_FORMAT = "yiwang-intermediary-draw-pool/1";

	static final String RECORD_FORMAT = "yiwang-intermediary-draw/1";

	private IntermediaryDraw() {
	}

	record Result(String pool, String poolSha256, UUID chosen) {
	}

	static Result draw(byte[] seed, String serviceType, List<UUID> eligible) {
		List<VerifiableDraw.Group> pool = List.of(new VerifiableDraw.Group(serviceType, 1, eligible));
		String text = VerifiableDraw.canonicalPool(POOL_FORMAT, pool);
		List<VerifiableDraw.Pick> picks = VerifiableDraw.initial(pool, new VerifiableDraw.Sequence(seed, pool));
		return new Result(text, VerifiableDraw.poolSha256(text), picks.isEmpty() ? null : picks.get(0).id());
	}

	/** The public verification record: everything needed to recompute the draw, nothing else. */
	static Map<String, Object> record(RequestView request, byte[] seed, String pool) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("format", RECORD_FORMAT);
		record.put("request", request.id().toString());
		record.put("tradeCode", request.tradeCode().value());
		record.put("committedAt", request.publishedAt().toString());
		record.put("seedSha256", request.seedSha256());
		record.put("poolSha256", request.poolSha256());
		record.put("seed", HexFormat.of().formatHex(seed));
		record.put("pool", pool);
		Map<String, Object> pick = new LinkedHashMap<>();
		pick.put("n", 1);
		pick.put("serviceType", request.serviceType());
		pick.put("intermediary", request.selected().toString());
		record.put("picks", List.of(pick));
		return record;
	}
}
