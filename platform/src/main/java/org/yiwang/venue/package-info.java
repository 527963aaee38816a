/**
 * Venues (场地): the city's and districts' sites with their opening halls and evaluation rooms, bookings kept free of
 * conflicts by the database, remote evaluation across two venues, expert isolation at the evaluation room's door, a
 * public screen per site and the rooms' utilisation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Venues",
		allowedDependencies = { "kernel", "system", "catalog" })
package org.yiwang.venue;
