package org.yiwang.purchasing;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.system.Refusal;

/**
 * The shapes of the numbers a catalogue product carries, by category. Only the shape is checked (the registering
 * authority's database is not reachable from here); a number of the wrong shape is a typing mistake to report.
 * <ul>
 * <li>Medical consumables: the device registration certificate number (医疗器械注册证号) since 2014,
 * {@code 国械注准/进/许} or a province's {@code 渝械注准}, then 11 digits: year (20xx), class (2 or 3; class I devices
 * are filed, not registered), 2-digit category, 4-digit serial, e.g. {@code 国械注准20193130123}.</li>
 * <li>Drugs: the drug approval number (药品批准文号) {@code 国药准字} + H/Z/S/J/B/T/F + 8 digits, e.g.
 * {@code 国药准字H20203012}.</li>
 * <li>Building materials: no registration; a product code is optional, up to 60 characters.</li>
 * <li>National medical-insurance codes: consumables 27 characters, {@code C} + 26 digits (医保医用耗材代码); drugs 23
 * characters, {@code X} (western) or {@code Z} (Chinese patent) + 22 letters or digits (医保药品代码).</li>
 * </ul>
 */
final class ProductCodes {

	static final CategoryCode MEDICAL_CONSUMABLES = CategoryCode.of("MEDICAL_CONSUMABLES");

	static final CategoryCode DRUGS = CategoryCode.of("DRUGS");

	private static final String PROVINCES = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵黔云滇藏陕甘陇青宁新";

	private static final Pattern DEVICE = Pattern.compile("([国" + PROVINCES + "])械注([准进许])(20\\d{2})([23])(\\d{2})(\\d{4})");

	private static final Pattern DRUG = Pattern.compile("国药准字[HZSJBTF]\\d{8}");

	private static final Pattern CONSUMABLE_INSURANCE = Pattern.compile("C\\d{26}");

	private static final Pattern DRUG_INSURANCE = Pattern.compile("[XZ][A-Z0-9]{22}");

	private ProductCodes() {
	}

	/** The registration number as stored (full-width letters and digits read as ASCII), or a refusal naming the field. */
	static String registrationNumber(CategoryCode category, String text) {
		String number = normal(text);
		if (category.equals(MEDICAL_CONSUMABLES)) {
			if (number == null) {
				throw Refusal.invalid("registrationNumber", "purchasing.registration.required");
			}
			if (!DEVICE.matcher(number).matches()) {
				throw Refusal.invalid("registrationNumber", "purchasing.registration.device", number);
			}
		}
		else if (category.equals(DRUGS)) {
			if (number == null) {
				throw Refusal.invalid("registrationNumber", "purchasing.registration.required");
			}
			if (!DRUG.matcher(number).matches()) {
				throw Refusal.invalid("registrationNumber", "purchasing.registration.drug", number);
			}
		}
		else if (number != null && number.length() > 60) {
			throw Refusal.invalid("registrationNumber", "purchasing.registration.length");
		}
		return number;
	}

	/** The national medical-insurance code, null when none is given; only medical categories have one. */
	static String insuranceCode(CategoryCode category, String text) {
		String code = normal(text);
		if (code == null) {
			return null;
		}
		code = code.toUpperCase(java.util.Locale.ROOT);
		if (category.equals(MEDICAL_CONSUMABLES) && CONSUMABLE_INSURANCE.matcher(code).matches()
				|| category.equals(DRUGS) && DRUG_INSURANCE.matcher(code).matches()) {
			return code;
		}
		if (category.equals(MEDICAL_CONSUMABLES)) {
			throw Refusal.invalid("insuranceCode", "purchasing.insurance.consumable", code);
		}
		if (category.equals(DRUGS)) {
			throw Refusal.invalid("insuranceCode", "purchasing.insurance.drug", code);
		}
		throw Refusal.invalid("insuranceCode", "purchasing.insurance.none");
	}

	private static String normal(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
	}
}
