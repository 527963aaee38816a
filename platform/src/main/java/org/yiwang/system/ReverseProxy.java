package org.yiwang.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Behind a reverse proxy that terminates TLS: {@code X-Forwarded-For} and {@code X-Forwarded-Proto} (and
 * {@code -Host}, {@code -Port}) are believed only when the connection comes from one of the addresses in
 * {@code yiwang.proxy.trusted}; from anyone else they are ignored. A request the proxy received over https is then
 * secure to the application: the session cookie is marked Secure and the answer carries HSTS (Spring Security's
 * header writer adds it to secure requests), and the client's own address is the one throttled and audited.
 * docs/operations.md shows the nginx side.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnExpression("!'${yiwang.proxy.trusted:}'.isBlank()")
class ReverseProxy {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxy(
			@Value("${yiwang.proxy.trusted}") List<String> trusted) {
		String internalProxies = trusted.stream().map(String::trim).filter(address -> !address.isEmpty())
			.map(ReverseProxy::literal).map(Pattern::quote).collect(Collectors.joining("|"));
		return factory -> {
			RemoteIpValve valve = new RemoteIpValve();
			valve.setInternalProxies(internalProxies);
			valve.setTrustedProxies(""); // no chains of proxies: only the one that connects to us
			valve.setRemoteIpHeader("X-Forwarded-For");
			valve.setProtocolHeader("X-Forwarded-Proto");
			valve.setProtocolHeaderHttpsValue("https");
			valve.setHostHeader("X-Forwarded-Host");
			valve.setPortHeader("X-Forwarded-Port");
			factory.addEngineValves(valve);
		};
	}

	/** The address as Tomcat will see it on the socket (an IPv6 address in its full form); names are refused. */
	private static String literal(String address) {
		if (!address.matches("[0-9a-fA-F:.]+")) {
			throw new IllegalArgumentException("yiwang.proxy.trusted takes IP addresses, not '" + address + "'");
		}
		try {
			return InetAddress.getByName(address).getHostAddress();
		}
		catch (UnknownHostException e) {
			throw new IllegalArgumentException("yiwang.proxy.trusted: '" + address + "' is not an IP address", e);
		}
	}
}
