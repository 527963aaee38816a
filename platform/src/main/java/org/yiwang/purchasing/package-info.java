/**
 * Catalogue purchasing (medical consumables 阳光采购, drugs, building materials): the product catalogue, listing
 * prices checked against other provinces' lowest prices, volume-based procurement rounds, and hospitals' orders
 * with delivery, receipt, settlement and price monitoring.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Purchasing")
package org.yiwang.purchasing;
