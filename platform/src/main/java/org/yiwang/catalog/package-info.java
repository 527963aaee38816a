/**
 * The deployment's city and its districts, the trading category catalogue, and each category's versioned
 * procedure template: procedures are data, and an edit never rewrites a transaction already under way.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.yiwang.catalog;
