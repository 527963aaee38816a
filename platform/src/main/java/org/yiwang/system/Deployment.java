package org.yiwang.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yiwang.kernel.RegionCode;

/**
 * Which city this deployment serves ({@code yiwang.city}), and its code, read from the same reference file the
 * catalogue loads. For modules that must not depend on the catalogue but record city-wide facts (the audit region of
 * trust-store changes, say).
 */
@Component
public class Deployment {

	private final String city;

	private final RegionCode cityCode;

	Deployment(@Value("${yiwang.city:chongqing}") String city) {
		this.city = city;
		this.cityCode = readCityCode(city);
	}

	public String city() {
		return city;
	}

	/** The city's letters that begin the codes the platform gives (trade codes, project numbers): CQ, SZ. */
	public String letters() {
		return switch (city) {
			case "chongqing" -> "CQ";
			case "shenzhen" -> "SZ";
			default -> city.substring(0, 2).toUpperCase();
		};
	}

	/** The city's own region code, e.g. 500000 for Chongqing, 440300 for Shenzhen. */
	public RegionCode cityCode() {
		return cityCode;
	}

	private static RegionCode readCityCode(String city) {
		ClassPathResource file = new ClassPathResource("reference/regions-" + city + ".csv");
		if (!city.matches("[a-z]{2,30}") || !file.exists()) {
			throw new IllegalStateException("No reference regions for yiwang.city=" + city + "; use chongqing or shenzhen");
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines().skip(1).map(line -> line.split(",", -1)).filter(f -> f.length > 3 && "city".equals(f[3]))
				.map(f -> RegionCode.of(f[0].strip())).findFirst()
				.orElseThrow(() -> new IllegalStateException("reference/regions-" + city + ".csv names no city"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
