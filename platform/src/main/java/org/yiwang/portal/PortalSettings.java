package org.yiwang.portal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param indexDirectory where the Lucene index lives (rebuilt from the database when missing or short)
 * @param feedWatermark the open-data feed holds back records younger than this, so a transaction that commits later
 * than a younger one is never skipped by a reader paging with {@code since}
 * @param baseUrl the public address of the portal ({@code yiwang.portal.base-url}, e.g. {@code https://ggzy.example.gov.cn}),
 * for links in mail, Atom feeds, OCDS packages and the national datasets' source URLs; unset, those links fall back to
 * {@link #LOCAL_BASE_URL}, which only a demo on this machine can follow ({@link PublicAddressCheck} warns otherwise)
 * @param mailFrom sender of saved-search mail (sent only when {@code spring.mail.host} is set)
 * @param ocidPrefix the OCDS ocid prefix
 * @param uplinkVerifier the trading center's person responsible for verifying the data the platform reports to the
 * national platform (交易平台验证责任人); unset, the uplink reports the field as missing
 * @param tradingCenterName the trading center's name (交易机构名称 / 交易中心名称); unset, reported missing
 * @param tradingCenterCode its unified social credit code (交易机构代码); checked at start; unset, reported missing
 * @param tradingSystemCode the e-trading system's code (交易系统编号, dataset 501): the identification code the
 * national platform gave this platform when it was registered there; unset, reported missing
 * @param platformFee the fee in yuan the platform charges a tender project for its use (交易系统平台使用费, dataset
 * 501); 0 by default: the platform charges none (a fee it charged would be recorded per tender project instead)
 */
@ConfigurationProperties("yiwang.portal")
record PortalSettings(@DefaultValue("data/portal-index") Path indexDirectory,
		@DefaultValue("5s") Duration feedWatermark, String baseUrl,
		@DefaultValue("portal@yiwang.local") String mailFrom, @DefaultValue("ocds-yiwang") String ocidPrefix,
		String uplinkVerifier, String tradingCenterName, String tradingCenterCode, String tradingSystemCode,
		@DefaultValue("0") BigDecimal platformFee) {

	/** Where links point when no public address is configured: right only for a demo on this machine. */
	static final String LOCAL_BASE_URL = "http://localhost:8080";

	PortalSettings {
		baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
		if (baseUrl != null && !baseUrl.matches("https?://[^/\\s?#]+(/[^\\s?#]*)?")) {
			throw new IllegalArgumentException("yiwang.portal.base-url is no http(s) address without query or fragment: "
					+ baseUrl + " (e.g. https://ggzy.example.gov.cn)");
		}
		tradingSystemCode = tradingSystemCode == null || tradingSystemCode.isBlank() ? null : tradingSystemCode.strip();
		if (platformFee != null && platformFee.signum() < 0) {
			throw new IllegalArgumentException("yiwang.portal.platform-fee is negative: " + platformFee);
		}
		tradingCenterName = tradingCenterName == null || tradingCenterName.isBlank() ? null : tradingCenterName.strip();
		tradingCenterCode = tradingCenterCode == null || tradingCenterCode.isBlank() ? null
				: tradingCenterCode.strip().toUpperCase();
		if (tradingCenterCode != null && org.yiwang.kernel.CreditCode.problem(tradingCenterCode).isPresent()) {
			throw new IllegalArgumentException("yiwang.portal.trading-center-code is no unified social credit code: "
					+ tradingCenterCode + " (" + org.yiwang.kernel.CreditCode.problem(tradingCenterCode).get() + ")");
		}
	}

	/** The public address links are made with: the configured one, else {@link #LOCAL_BASE_URL}. */
	@Override
	public String baseUrl() {
		return baseUrl != null ? baseUrl : LOCAL_BASE_URL;
	}

	/** Whether {@code yiwang.portal.base-url} is set. */
	boolean baseUrlConfigured() {
		return baseUrl != null;
	}
}
