package org.yiwang.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.envelope.Crypto;
import org.yiwang.envelope.KeyWrap;
import org.yiwang.envelope.Pem;
import org.yiwang.kernel.Role;
import org.yiwang.system.Refusal;

/**
 * Opening keys split among the demo custodians: each custodian decrypts its own share with the key it downloads,
 * any two shares reassemble the private key, one does not, and the platform keeps only the public key.
 */
@PlatformTest
class OpeningKeysTests {

	@Autowired
	OpeningKeys openingKeys;

	@Autowired
	KeyCustodians custodians;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void anOpeningKeyIsSharedTwoOfThreeAmongTheDemoCustodians() throws Exception {
		OpeningKeyView key = TestActor.cityStaff().call(() -> openingKeys.create("E5001000001001001-" + UUID.randomUUID(), 2));
		assertThat(key.threshold()).isEqualTo(2);
		assertThat(key.shareCount()).isEqualTo(custodians.list().size());
		assertThat(key.shares()).extracting(OpeningKeyView.Share::custodian).containsAll(KeyCustodians.DEMO_CUSTODIANS);
		assertThat(key.keyId()).isEqualTo(Crypto.keyId(Pem.publicKey(key.publicKeyDer())));
		assertThat(key.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
		assertThat(openingKeys.find(key.id())).get().usingRecursiveComparison().isEqualTo(key);
		assertThat(openingKeys.find(UUID.randomUUID())).isEmpty();

		List<byte[]> decrypted = new ArrayList<>();
		for (String custodian : KeyCustodians.DEMO_CUSTODIANS) {
			IssuedCredentials credentials = TestActor.of(custodian, Role.CENTER_STAFF, TestActor.CITY, true).call(custodians::demoKey);
			Path keyFile = Files.writeString(dir.resolve(custodian + ".key"), credentials.privateKeyPem());
			PrivateKey privateKey = Pem.privateKey(keyFile);
			OpeningKeyView.Share share = key.shares().stream().filter(s -> s.custodian().equals(custodian)).findFirst().orElseThrow();
			assertThat(share.certificateFingerprint()).isEqualTo(credentials.certificate().fingerprint());
			decrypted.add(KeyWrap.unwrap(KeyWrap.SM2, privateKey, share.encryptedShare()));
		}
		for (int skip = 0; skip < 3; skip++) {
			List<byte[]> two = new ArrayList<>(decrypted);
			two.remove(skip);
			PrivateKey reassembled = openingKeys.reassemble(key.id(), two);
			assertThat(Crypto.keyId(OpeningKeys.publicKeyOf(reassembled))).isEqualTo(key.keyId());
		}
		assertThatThrownBy(() -> openingKeys.reassemble(key.id(), decrypted.subList(0, 1)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("pki.openingKey.tooFewShares"));

		OpeningKeyView other = TestActor.cityStaff().call(() -> openingKeys.create("other-" + UUID.randomUUID(), 2));
		assertThatThrownBy(() -> openingKeys.reassemble(other.id(), decrypted.subList(0, 2)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("pki.openingKey.wrongShares"));

		// The database holds no private key: only the public key and encrypted shares.
		assertThat(jdbc.sql("select count(*) from pki.platform_keys where name like ?").param("%" + key.id() + "%")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void badThresholdsAndLabelsAreRefused() {
		assertThatThrownBy(() -> openingKeys.create("E1", custodians.list().size() + 1))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("pki.openingKey.tooFewCustodians"));
		assertThatThrownBy(() -> openingKeys.create("E1", 0))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("pki.openingKey.tooFewCustodians"));
		assertThatThrownBy(() -> openingKeys.create(" ", 2))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("pki.openingKey.label"));
		assertThatThrownBy(() -> openingKeys.create("x".repeat(201), 2))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("pki.openingKey.label"));
	}

	@Test
	void onlyDemoCustodiansDownloadADemoKeyAndOnlyTheAdministratorManagesCustodians() {
		assertThatThrownBy(() -> TestActor.admin().call(custodians::demoKey))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("pki.custodian.noDemoKey"));
		assertThatThrownBy(() -> TestActor.cityStaff().call(() -> custodians.add("x", new byte[] { 1 })))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("pki.adminOnly"));
		assertThatThrownBy(() -> TestActor.admin().run(() -> custodians.withdraw("nobody-" + UUID.randomUUID())))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("pki.custodian.notFound"));
		assertThatThrownBy(() -> TestActor.admin().call(() -> custodians.add("someone", "not a certificate".getBytes())))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("pki.failure.malformedCertificate"));
	}

	@Test
	void theAdministratorRegistersAndWithdrawsACustodianWithATrustedCertificate(@Autowired TrustStore trustStore) {
		OpenSsl.assumeInstalled();
		TestCa ca = TestCa.trusted(trustStore, dir, KeyAlgorithm.SM2);
		Path certificate = ca.issue("custodian", KeyAlgorithm.SM2);
		String username = "custodian-" + UUID.randomUUID().toString().substring(0, 8);
		CustodianView added = TestActor.admin().call(() -> custodians.add(username, TestCa.read(certificate)));
		assertThat(added.certificate().keyAlgorithm()).isEqualTo(KeyAlgorithm.SM2);
		assertThat(custodians.list()).extracting(CustodianView::username).contains(username);
		TestActor.admin().run(() -> custodians.withdraw(username));
		assertThat(custodians.list()).extracting(CustodianView::username).doesNotContain(username);

		TestCa untrusted = TestCa.make(dir, KeyAlgorithm.SM2);
		Path stranger = untrusted.issue("stranger", KeyAlgorithm.SM2);
		assertThatThrownBy(() -> TestActor.admin().call(() -> custodians.add(username, TestCa.read(stranger))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("pki.failure.untrustedIssuer"));
	}
}
