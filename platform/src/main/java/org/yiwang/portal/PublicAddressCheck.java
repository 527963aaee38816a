package org.yiwang.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up when a real deployment ({@code yiwang.demo=false}) has no public address: every OCDS package, feed
 * link, mail and national dataset source URL would then point at {@code localhost}, which nobody outside can follow.
 * A demo on one machine needs none, so it stays quiet there.
 */
@Component
class PublicAddressCheck {

	private static final Logger log = LoggerFactory.getLogger(PublicAddressCheck.class);

	private final PortalSettings settings;

	private final boolean demo;

	PublicAddressCheck(PortalSettings settings, @Value("${yiwang.demo:true}") boolean demo) {
		this.settings = settings;
		this.demo = demo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnWhenUnset() {
		if (!demo && !settings.baseUrlConfigured()) {
			log.warn("yiwang.portal.base-url is not set (yiwang.demo=false): OCDS releases, open-data feeds, saved-search "
					+ "mail and the national datasets' source URLs point at {}, which nobody outside this machine can "
					+ "follow. Set it to the portal's public address, e.g. yiwang.portal.base-url=https://ggzy.example.gov.cn "
					+ "(docs/open-data.md).", PortalSettings.LOCAL_BASE_URL);
		}
	}
}
