package org.yiwang.portal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param indexDirectory where the Lucene index lives (rebuilt from the database when missing or short)
 * @param feedWatermark the open-data feed holds back records younger than this, so a transaction that commits later
 * than a younger one is never skipped by a reader paging with {@code since}
 * @param baseUrl the public address of the portal, for links in mail, Atom feeds and OCDS packages
 * @param mailFrom sender of saved-search mail (sent only when {@code spring.mail.host} is set)
 * @param ocidPrefix the OCDS ocid prefix
 * @param uplinkVerifier the trading center's person responsible for verifying the data the platform reports to the
 * national platform (交易平台验证责任人); unset, the uplink reports the field as missing
 * @param tradingCenterName the trading center's name (交易机构名称 / 交易中心名称); unset, reported missing
 * @param tradingCenterCode its unified social credit code (交易机构代码); checked at start; unset, reported missing
 */
@ConfigurationProperties("yiwang.portal")
record PortalSettings(@DefaultValue("data/portal-index") Path indexDirectory,
		@DefaultValue("5s") Duration feedWatermark, @DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("portal@yiwang.local") String mailFrom, @DefaultValue("ocds-yiwang") String ocidPrefix,
		String uplinkVerifier, String tradingCenterName, String tradingCenterCode) {

	PortalSettings {
		tradingCenterName = tradingCenterName == null || tradingCenterName.isBlank() ? null : tradingCenterName.strip();
		tradingCenterCode = tradingCenterCode == null || tradingCenterCode.isBlank() ? null
				: tradingCenterCode.strip().toUpperCase();
		if (tradingCenterCode != null && org.yiwang.kernel.CreditCode.problem(tradingCenterCode).isPresent()) {
			throw new IllegalArgumentException("yiwang.portal.trading-center-code is no unified social credit code: "
					+ tradingCenterCode + " (" + org.yiwang.kernel.CreditCode.problem(tradingCenterCode).get() + ")");
		}
	}
}
