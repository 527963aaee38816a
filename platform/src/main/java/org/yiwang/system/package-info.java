/**
 * App-wide wiring every module uses: the database (embedded by default) and its per-transaction region scope,
 * security, locale, error handling and the clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.yiwang.system;
