/**
 * The supervision platform (电子监管平台): regulators watch every transaction of their industries and region, screen
 * bids for signs of rigging, and follow alerts from the rule that raised them to their closure.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package org.yiwang.supervision;
