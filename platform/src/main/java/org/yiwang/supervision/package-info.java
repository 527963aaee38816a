/**
 * The supervision platform (电子监管平台): regulators of each industry and region watch every transaction read-only
 * and live, exercise the powers the operator does not have (suspend, order, rule, penalise), handle complaints against
 * their statutory clocks, screen bids for signs of rigging, and follow alerts from the rule that raised them to their
 * closure.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package org.yiwang.supervision;
