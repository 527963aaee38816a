package org.yiwang.envelope;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Key pairs and self-signed certificates made with BouncyCastle for the format's unit tests. */
record TestKeys(KeyPair keys, X509Certificate certificate) {

	enum Kind {
		SM2, EC, RSA
	}

	static TestKeys make(Kind kind) {
		try {
			KeyPairGenerator generator;
			if (kind == Kind.RSA) {
				generator = KeyPairGenerator.getInstance("RSA", Crypto.PROVIDER);
				generator.initialize(2048);
			}
			else {
				generator = KeyPairGenerator.getInstance("EC", Crypto.PROVIDER);
				generator.initialize(new ECGenParameterSpec(kind == Kind.SM2 ? "sm2p256v1" : "secp256r1"));
			}
			KeyPair keys = generator.generateKeyPair();
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			X500Name name = new X500Name("CN=Test " + kind + ",O=Yiwang Tests,C=CN");
			var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
					Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(86400)), name, keys.getPublic());
			String algorithm = switch (kind) {
				case SM2 -> "SM3withSM2";
				case EC -> "SHA256withECDSA";
				case RSA -> "SHA256withRSA";
			};
			var holder = builder.build(new JcaContentSignerBuilder(algorithm).setProvider(Crypto.PROVIDER).build(keys.getPrivate()));
			return new TestKeys(keys, new JcaX509CertificateConverter().setProvider(Crypto.PROVIDER).getCertificate(holder));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
