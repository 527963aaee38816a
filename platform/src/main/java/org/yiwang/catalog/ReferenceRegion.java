package org.yiwang.catalog;

/** One row of {@code reference/regions-<city>.csv}. */
record ReferenceRegion(String code, String nameZh, String nameEn, String level, String note) {
}
