package org.yiwang.supervision;

/**
 * The acts only a regulator may take (管办分离: the operator holds none of them), each signed with the regulator's
 * certificate. {@code published}: the law wants it made public (a ruling in procurement, 政府采购法实施条例 Art. 58;
 * credit penalties as public credit information; suspensions and orders because bidders' rights depend on them).
 */
public enum ActKind {

	SUSPEND_SECTION(true, Target.SECTION),
	RESUME_SECTION(true, Target.SECTION),
	ORDER_RE_EVALUATION(true, Target.SECTION),
	ORDER_RE_TENDER(true, Target.SECTION),
	NOT_ACCEPT_COMPLAINT(false, Target.COMPLAINT),
	RULE_COMPLAINT(true, Target.COMPLAINT),
	CREDIT_PENALTY(true, Target.ENTITY),
	BAR_EXPERT(false, Target.EXPERT);

	/** What an act is taken against. */
	public enum Target {
		SECTION, COMPLAINT, ENTITY, EXPERT
	}

	private final boolean published;

	private final Target target;

	ActKind(boolean published, Target target) {
		this.published = published;
		this.target = target;
	}

	public boolean published() {
		return published;
	}

	public Target target() {
		return target;
	}
}
