package org.yiwang.demo.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.demo.DemoOn;

/**
 * Whether the demo issuer and bank run ({@code yiwang.demo} and {@code yiwang.demo.guarantee}, both on by default and
 * off in tests), how often their systems poll the API, and the tokens of their machine accounts (public, like the
 * demo password: README, "Demo accounts").
 */
@Component
@DemoOn
class DemoSettings {

	private final boolean enabled;

	private final Duration pollInterval;

	private final String issuerToken;

	private final String bankToken;

	DemoSettings(@Value("${yiwang.demo.guarantee:true}") boolean guarantee,
			@Value("${yiwang.demo.guarantee-poll:3s}") Duration pollInterval,
			@Value("${yiwang.demo.issuer-token:ywt_demo-issuer-token-not-for-production}") String issuerToken,
			@Value("${yiwang.demo.bank-token:ywt_demo-bank-token-not-for-production}") String bankToken) {
		this.enabled = guarantee;
		this.pollInterval = pollInterval;
		this.issuerToken = issuerToken;
		this.bankToken = bankToken;
	}

	boolean enabled() {
		return enabled;
	}

	Duration pollInterval() {
		return pollInterval;
	}

	String issuerToken() {
		return issuerToken;
	}

	String bankToken() {
		return bankToken;
	}
}
