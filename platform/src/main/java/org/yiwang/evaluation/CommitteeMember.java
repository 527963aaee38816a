package org.yiwang.evaluation;

/**
 * A member of the committee that signed an evaluation report, as the national data specification's 508 评标专家 asks
 * it: with the whole resident ID number, so only the platform itself gets it ({@link EvaluationDesk#reportedCommittee}).
 *
 * @param position the member's seat: experts from the draw by their position, then the tenderer's representative
 * @param kind {@code EXPERT} (drawn from the pool) or {@code REPRESENTATIVE} (the tenderer's representative)
 * @param idNumber the expert's resident ID number (居民身份证); null for a representative (the platform asks none)
 * @param leader whether the committee elected this member its leader (评标组长)
 */
public record CommitteeMember(int position, String kind, String name, String idNumber, boolean leader) {
}
