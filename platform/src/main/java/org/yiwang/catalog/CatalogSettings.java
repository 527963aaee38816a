package org.yiwang.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param city which city this deployment serves: {@code chongqing} (default) or {@code shenzhen}; its regions come
 *        from {@code reference/regions-<city>.csv}
 */
@ConfigurationProperties("yiwang")
record CatalogSettings(@DefaultValue("chongqing") String city) {

	CatalogSettings {
		if (!city.matches("[a-z]{2,30}")) {
			throw new IllegalArgumentException("yiwang.city must name a reference region file, e.g. chongqing or shenzhen");
		}
	}
}
