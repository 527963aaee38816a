package org.yiwang.bidtool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bidtool verify-draw} on the worked example of docs/expert-draw.md (the values the platform's own tests
 * also expect): the record verifies; a changed pick, pool or seed does not.
 */
class DrawVerifierTests {

	static final String POOL = "yiwang-expert-draw-pool/1\\nA0101 2 6\\n" + ids(1, 6) + "A0105 1 4\\n" + ids(5, 8);

	static String record(String seed, String pool, String thirdPick) {
		return """
				{"format":"yiwang-expert-draw/1",
				 "seed":"%s",
				 "seedSha256":"630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd",
				 "pool":"%s",
				 "poolSha256":"1b97a3c9d3924d7037a1f18bdc4be15301b49eb45204fd6cfa091f7d8495f862",
				 "picks":[
				  {"n":1,"specialty":"A0101","expert":"00000000-0000-0000-0000-000000000003","outcome":"DECLINED"},
				  {"n":2,"specialty":"A0101","expert":"00000000-0000-0000-0000-000000000004","outcome":"ACCEPTED"},
				  {"n":3,"specialty":"A0105","expert":"%s","outcome":"ACCEPTED"},
				  {"n":4,"specialty":"A0101","expert":"00000000-0000-0000-0000-000000000002","outcome":"ACCEPTED"}]}
				""".formatted(seed, pool, thirdPick);
	}

	static final String SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

	static final String SEVEN = "00000000-0000-0000-0000-000000000007";

	@TempDir
	Path dir;

	@Test
	void the_documented_example_verifies() throws Exception {
		Result result = run(record(SEED, POOL, SEVEN));
		assertThat(result.code()).as(result.err()).isEqualTo(BidTool.OK);
		assertThat(result.out()).contains("OK: seed and pool match their commitments; 4 picks recompute");
	}

	@Test
	void a_changed_pick_seed_or_pool_does_not_verify() throws Exception {
		Result pick = run(record(SEED, POOL, "00000000-0000-0000-0000-000000000008"));
		assertThat(pick.code()).isEqualTo(BidTool.REFUSED);
		assertThat(pick.err()).contains("pick 3: recomputed " + SEVEN);
		Result seed = run(record(SEED.replace("1f", "20"), POOL, SEVEN));
		assertThat(seed.code()).isEqualTo(BidTool.REFUSED);
		assertThat(seed.err()).contains("the seed does not match its commitment");
		Result pool = run(record(SEED, POOL.replace("A0105 1 4", "A0105 2 4"), SEVEN));
		assertThat(pool.code()).isEqualTo(BidTool.REFUSED);
		assertThat(pool.err()).contains("the pool does not match its commitment");
		Result garbage = run("{not json");
		assertThat(garbage.code()).isEqualTo(BidTool.BAD_INPUT);
		Result other = run("{\"seed\":\"00\"}");
		assertThat(other.code()).isEqualTo(BidTool.BAD_INPUT);
	}

	record Result(int code, String out, String err) {
	}

	private Result run(String json) throws Exception {
		Path file = Files.writeString(dir.resolve("draw-" + System.nanoTime() + ".json"), json);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = BidTool.run(new String[] { "verify-draw", file.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static String ids(int from, int to) {
		StringBuilder ids = new StringBuilder();
		for (int i = from; i <= to; i++) {
			ids.append("00000000-0000-0000-0000-%012x".formatted(i)).append("\\n");
		}
		return ids.toString();
	}
}
