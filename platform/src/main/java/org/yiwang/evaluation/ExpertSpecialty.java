package org.yiwang.evaluation;

/** A specialty of the expert classification (A works, B goods, C services). */
public record ExpertSpecialty(String code, String nameZh, String nameEn) {
}
