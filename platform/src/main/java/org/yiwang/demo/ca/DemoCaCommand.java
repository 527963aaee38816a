package org.yiwang.demo.ca;

import java.nio.file.Path;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.demo.DemoOn;
import org.yiwang.kernel.CreditCode;
import org.yiwang.system.PlatformCommand;

/**
 * {@code --yiwang.command=demo-ca --entity-name=... --credit-code=... --out=DIR}: writes an SM2, an ECDSA and an RSA
 * certificate with PKCS#8 PEM keys for a demo entity, issued by the demo CAs, and prints how to sign with OpenSSL.
 * Exits 0, or 2 on bad arguments. With demo data off the demo module, and so this command, is not there.
 */
@Component
@DemoOn
@Order(100)
class DemoCaCommand extends PlatformCommand {

	private final DemoAuthorities demo;

	DemoCaCommand(DemoAuthorities demo, ApplicationContext context) {
		super("demo-ca", context);
		this.demo = demo;
	}

	@Override
	protected int execute(ApplicationArguments args) throws Exception {
		String name = option(args, "entity-name");
		String code = option(args, "credit-code");
		String out = option(args, "out");
		String problem = name == null || name.isBlank() || name.length() > 100 ? "--entity-name is required (at most 100 characters)"
				: code == null || CreditCode.problem(code.toUpperCase()).isPresent() ? "--credit-code must be an 18-character unified social credit code with a correct check digit"
				: out == null || out.isBlank() ? "--out=DIR is required" : null;
		if (problem != null) {
			System.out.println(problem);
			return 2;
		}
		for (DemoAuthorities.Issued issued : demo.issue(name.strip(), code.toUpperCase(), Path.of(out))) {
			System.out.printf("%-5s certificate %s%n      private key %s%n      issued by   %s (fingerprint %s)%n",
					issued.algorithm(), issued.certificate(), issued.privateKey(), issued.caCertificate(),
					issued.view().fingerprint());
		}
		System.out.printf("%nSign a file with OpenSSL, e.g.:%n"
				+ "  openssl dgst -sm3 -sign %1$s/sm2-key.pem -sigopt distid:1234567812345678 -out file.sig file%n"
				+ "  openssl dgst -sha256 -sign %1$s/ecdsa-key.pem -out file.sig file%n"
				+ "  openssl dgst -sha256 -sign %1$s/rsa-key.pem -out file.sig file%n"
				+ "then POST /api/pki/verify with the file, the signature and the certificate.%n", out);
		return 0;
	}
}
