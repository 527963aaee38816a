package org.yiwang.evaluation;

/**
 * Which re-evaluation a regulator orders (责令重新评标). The law knows two, and they differ in who evaluates.
 */
public enum ReEvaluationKind {

	/**
	 * The original committee's conclusion is void and a lawfully formed committee evaluates again (招标投标法实施条例
	 * 第七十条: an unlawfully formed or changed committee; 第七十一条: members' misconduct). Every original member is left
	 * out of the new draw (the simplest lawful rule: the order need not single out who caused it).
	 */
	NEW_COMMITTEE,

	/**
	 * The original committee re-checks its objective acts — qualification review, rejections, score totals — on the
	 * same price basis (重庆市招标投标条例 第四十四条): the same members get their seats again.
	 */
	SAME_COMMITTEE
}
