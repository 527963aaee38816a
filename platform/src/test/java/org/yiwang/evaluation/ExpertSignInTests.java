package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.pki.TrustStore;
import org.yiwang.system.RegionScopes;

/**
 * Certificate sign-in of experts through the page, with keys and signatures made by OpenSSL: a good signature signs
 * the expert in; a replayed or expired challenge, another expert's signature, a revoked certificate, an unknown
 * username and a missing signature are each refused with their reason, and audited.
 */
@PlatformTest
class ExpertSignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ExpertPool pool;

	@Autowired
	ExpertSignIn signIn;

	@Autowired
	TrustStore trustStore;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@TempDir
	Path dir;

	ExpertFixture fixture;

	ExpertView alice;

	ExpertView bob;

	@BeforeEach
	void two_experts_with_certificates_from_an_openssl_ca() {
		fixture = new ExpertFixture(dir, trustStore, pool);
		alice = fixture.expert("alice." + fixture.run, "艾" + fixture.run, "500103", Set.of("C0102"), null);
		bob = fixture.expert("bob." + fixture.run, "鲍" + fixture.run, "500101", Set.of("C0102"), null);
	}

	@Test
	void an_expert_signs_the_challenge_with_openssl_and_is_signed_in_once() throws Exception {
		mvc.perform(get("/experts/sign-in")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("yiwang-expert-sign-in/1")));
		ExpertSignIn.Challenge challenge = signIn.challenge();
		mvc.perform(get("/experts/sign-in/challenges/" + challenge.id()))
			.andExpect(content().bytes(challenge.text().getBytes(StandardCharsets.US_ASCII)));
		byte[] signature = fixture.sign(alice.username(), challenge.text().getBytes(StandardCharsets.US_ASCII));
		MockHttpSession session = new MockHttpSession();
		submit(alice.username(), challenge, signature, session).andExpect(redirectedUrl("/experts/me"));
		mvc.perform(get("/experts/me").session(session)).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(alice.name())));
		// the same challenge and signature again: spent
		submit(alice.username(), challenge, signature, new MockHttpSession()).andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("只能用一次")));
		assertThat(audited("evaluation.expert.signedIn", "expert:" + alice.id())).isEqualTo(1);
	}

	@Test
	void bad_sign_ins_are_refused_with_their_reason() throws Exception {
		// bob's signature for alice's username
		ExpertSignIn.Challenge challenge = signIn.challenge();
		submit(alice.username(), challenge, fixture.sign(bob.username(), bytes(challenge)), new MockHttpSession())
			.andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("签名与这些内容不符")));
		// an unknown username
		ExpertSignIn.Challenge second = signIn.challenge();
		submit("nobody." + fixture.run, second, fixture.sign(alice.username(), bytes(second)), new MockHttpSession())
			.andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("nobody." + fixture.run)));
		// no signature at all
		ExpertSignIn.Challenge third = signIn.challenge();
		submit(alice.username(), third, new byte[0], new MockHttpSession()).andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("请上传签名文件")));
		// an expired challenge
		ExpertSignIn.Challenge fourth = signIn.challenge();
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> jdbc
			.sql("update evaluation.expert_sign_in_challenges set expires_at = ? where id = ?")
			.params(Timestamp.from(clock.instant().minusSeconds(1)), fourth.id()).update()));
		submit(alice.username(), fourth, fixture.sign(alice.username(), bytes(fourth)), new MockHttpSession())
			.andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("已过期")));
		// a revoked certificate
		TestActor.admin().run(() -> trustStore.addCrl(fixture.revoke(bob.username())));
		ExpertSignIn.Challenge fifth = signIn.challenge();
		submit(bob.username(), fifth, fixture.sign(bob.username(), bytes(fifth)), new MockHttpSession())
			.andExpect(status().isBadRequest()).andExpect(content().string(Matchers.containsString("被撤销")));
		assertThat(audited("evaluation.expert.signIn.refused", "expert:" + alice.username())).isEqualTo(3);
		assertThat(audited("evaluation.expert.signIn.refused", "expert:" + bob.username())).isEqualTo(1);
	}

	/**
	 * The exact file the expert's page hands out (the private key, then its certificate) signs the sign-in challenge
	 * with the bid tool, given as both {@code --key} and {@code --cert}, and as {@code --key} alone; the expert is
	 * then signed in with the certificate that download bound.
	 */
	@Test
	void the_downloaded_key_file_signs_in_through_the_bid_tool() throws Exception {
		Path jar = Path.of("../bidtool/target/bidtool.jar").toAbsolutePath().normalize();
		if (System.getenv("CI") != null) {
			assertThat(jar).as("the reactor builds the bid tool before the platform").isRegularFile();
		}
		org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(jar), "the bid tool jar is not built");
		byte[] downloaded = mvc.perform(get("/experts/me/demo-key.pem").with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(
						TestActor.of(alice.username(), org.yiwang.kernel.Role.EXPERT, TestActor.CITY, false).authentication())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		Path key = java.nio.file.Files.write(dir.resolve("expert-key.pem"), downloaded);

		for (boolean certificateToo : new boolean[] { true, false }) {
			ExpertSignIn.Challenge challenge = signIn.challenge();
			Path text = java.nio.file.Files.write(dir.resolve("challenge.txt"), bytes(challenge));
			java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "sign",
					"--key", key.toString()));
			if (certificateToo) {
				command.addAll(java.util.List.of("--cert", key.toString()));
			}
			command.addAll(java.util.List.of("--out", dir.resolve("challenge.sig").toString(), text.toString()));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(output).isZero();
			submit(alice.username(), challenge, java.nio.file.Files.readAllBytes(dir.resolve("challenge.sig")),
					new MockHttpSession()).andExpect(redirectedUrl("/experts/me"));
		}
	}

	private ResultActions submit(String username, ExpertSignIn.Challenge challenge, byte[] signature,
			MockHttpSession session) throws Exception {
		return mvc.perform(multipart("/experts/sign-in")
			.file(new MockMultipartFile("signature", "challenge.sig", "application/octet-stream", signature))
			.param("username", username).param("challenge", challenge.id().toString()).session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
	}

	private static byte[] bytes(ExpertSignIn.Challenge challenge) {
		return challenge.text().getBytes(StandardCharsets.US_ASCII);
	}

	private long audited(String action, String target) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select count(*) from audit.entries where action = ? and target = ?")
			.params(action, target).query(Long.class).single()));
	}
}
