package org.yiwang.purchasing;

import java.util.Map;
import java.util.Optional;

import org.yiwang.kernel.RegionCode;

/**
 * The 31 provincial divisions by the first two digits of their GB/T 2260 code, under the short names reference-price
 * files use. The home province (that of the deployment's city) is not "another province".
 */
final class Provinces {

	private static final Map<String, String> BY_CODE = Map.ofEntries(Map.entry("11", "北京"), Map.entry("12", "天津"),
			Map.entry("13", "河北"), Map.entry("14", "山西"), Map.entry("15", "内蒙古"), Map.entry("21", "辽宁"),
			Map.entry("22", "吉林"), Map.entry("23", "黑龙江"), Map.entry("31", "上海"), Map.entry("32", "江苏"),
			Map.entry("33", "浙江"), Map.entry("34", "安徽"), Map.entry("35", "福建"), Map.entry("36", "江西"),
			Map.entry("37", "山东"), Map.entry("41", "河南"), Map.entry("42", "湖北"), Map.entry("43", "湖南"),
			Map.entry("44", "广东"), Map.entry("45", "广西"), Map.entry("46", "海南"), Map.entry("50", "重庆"),
			Map.entry("51", "四川"), Map.entry("52", "贵州"), Map.entry("53", "云南"), Map.entry("54", "西藏"),
			Map.entry("61", "陕西"), Map.entry("62", "甘肃"), Map.entry("63", "青海"), Map.entry("64", "宁夏"),
			Map.entry("65", "新疆"));

	private Provinces() {
	}

	/** The short name for a typed province: a short name, the name with 省/市/自治区, or a two-digit code. */
	static Optional<String> of(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String t = text.strip();
		if (BY_CODE.containsKey(t)) {
			return Optional.of(BY_CODE.get(t));
		}
		return BY_CODE.values().stream().filter(name -> t.equals(name) || t.startsWith(name)
				&& t.substring(name.length()).matches("省|市|自治区|壮族自治区|回族自治区|维吾尔自治区")).findFirst();
	}

	static String home(RegionCode city) {
		return BY_CODE.getOrDefault(city.value().substring(0, 2), "");
	}
}
