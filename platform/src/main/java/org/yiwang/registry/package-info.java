/**
 * The market-entity registry (主体库): organisations, persons and consortia registered once and valid in every
 * district and category, with their member accounts, role extensions, qualifications and credit records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.yiwang.registry;
