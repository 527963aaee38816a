package org.yiwang.pki;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.yiwang.kernel.CreditCode;

/**
 * Finds the unified social credit code (GB 32100) in a certificate subject. Chinese CAs put it in different places:
 * organizationIdentifier (2.5.4.97, sometimes with a prefix), serialNumber, OU or CN; the check digit tells a code
 * from any other 18 characters.
 */
final class CreditCodes {

	private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Z])");

	static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = new ASN1ObjectIdentifier("2.5.4.97");

	private static final ASN1ObjectIdentifier[] WHERE = { ORGANIZATION_IDENTIFIER, BCStyle.SERIALNUMBER, BCStyle.OU,
			BCStyle.CN, BCStyle.O };

	private CreditCodes() {
	}

	static String find(X500Name subject) {
		for (ASN1ObjectIdentifier type : WHERE) {
			for (RDN rdn : subject.getRDNs(type)) {
				for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
					if (value.getType().equals(type)) {
						String code = in(IETFUtils.valueToString(value.getValue()).toUpperCase());
						if (code != null) {
							return code;
						}
					}
				}
			}
		}
		return null;
	}

	private static String in(String text) {
		Matcher matcher = CANDIDATE.matcher(text);
		while (matcher.find()) {
			if (isValid(matcher.group())) {
				return matcher.group();
			}
		}
		return null;
	}

	static boolean isValid(String code) {
		return CreditCode.problem(code).isEmpty();
	}
}
