/**
 * The service desk (一网通办): the items the center serves with their time limits, every request's working-day timer,
 * escalation and staff in charge, the users' satisfaction ratings (好差评) with rectification, and staff performance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service desk",
		allowedDependencies = { "kernel", "system", "catalog", "account", "registry", "guarantee", "supervision" })
package org.yiwang.servicedesk;
