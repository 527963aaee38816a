package org.yiwang.bidtool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yiwang.envelope.ContentCipher;
import org.yiwang.envelope.Crypto;
import org.yiwang.envelope.EnvelopeException;
import org.yiwang.envelope.EnvelopeHeader;
import org.yiwang.envelope.EnvelopeReader;
import org.yiwang.envelope.EnvelopeWriter;
import org.yiwang.envelope.KeyWrap;
import org.yiwang.envelope.MachineFingerprint;
import org.yiwang.envelope.OpenedEnvelope;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.PriceSheet;
import org.yiwang.envelope.ReceiptVerifier;
import org.yiwang.envelope.SignedReceipt;
import org.yiwang.envelope.Signing;
import org.yiwang.envelope.VerifiedEnvelope;

/**
 * The bidder's tool: {@code seal}, {@code inspect}, {@code unwrap}, {@code fingerprint}, {@code verify-receipt}; and,
 * for anyone holding a certificate, {@code sign} (a detached signature) and, for key custodians, {@code unwrap-share}.
 * Exit codes: 0 done, 2 wrong usage, 3 unusable input (missing file, malformed PEM, key not the certificate's,
 * bad price sheet), 4 the envelope is refused (truncated, altered, not for this key), 5 the receipt does not
 * verify, 6 a transparency log proof fails or the log monitor alerts, 1 an I/O failure.
 */
public final class BidTool {

	public static final int OK = 0;

	public static final int IO_FAILURE = 1;

	public static final int USAGE = 2;

	public static final int BAD_INPUT = 3;

	public static final int REFUSED = 4;

	public static final int RECEIPT_INVALID = 5;

	/** A transparency log proof does not verify, or the monitor saw a fork, a gap or a rollback. */
	public static final int LOG_ALERT = 6;

	static final String USAGE_TEXT = """
			Yiwang bid tool (一网 投标工具)
			  seal --trade-code CODE --price-sheet SHEET.json --key KEY.pem [--cert CERT.pem] --opening-key OPENING.pem
			       --out BID.ywenv [--cipher SM4-GCM|AES-256-GCM] [FILE ...]
			      seals the files and the price sheet for the section's opening key and signs with KEY/CERT
			  inspect BID.ywenv
			      checks structure and signature; prints header, signer and SM3/SHA-256
			  unwrap --key KEY.pem [--cert CERT.pem] (--out-dir DIR | --print-key) BID.ywenv
			      at opening: decrypts with your own key (or prints the content key, base64)
			  fingerprint
			      prints this machine's fingerprint as sealed into bids
			  sign --key KEY.pem [--cert CERT.pem] --out FILE.sig FILE
			      signs FILE (a contract, a score sheet, a sign-in challenge) with your certificate's key;
			      the same as: openssl dgst -sm3 -sign KEY.pem -sigopt distid:1234567812345678 -out FILE.sig FILE
			  unwrap-share --key KEY.pem [--cert CERT.pem] --share SHARE.txt
			      for a key custodian at opening: decrypts your share of a section's opening key (base64 in SHARE.txt)
			  verify-draw DRAW.json
			      recomputes a published expert draw (the platform's /draws/ID/verification.json) from its
			      seed and pool: both must match their commitments and every pick must recompute
			  verify-receipt --receipt RECEIPT.json --platform-cert PLATFORM.pem --tsa-ca CA.pem
			      checks a platform receipt: inclusion proof, platform SM2 signature, RFC 3161 timestamp
			  verify-inclusion --sth STH.json --proof PROOF.json --platform-cert PLATFORM.pem
			                   [--content FILE | --receipt RECEIPT.json]
			      checks that a leaf (a published record's signed text, a receipt) is in the transparency log
			      under a signed tree head (files from /api/transparency/log/sth and /api/transparency/log/proof-by-hash)
			  verify-consistency --old STH1.json --new STH2.json --proof CONSISTENCY.json --platform-cert PLATFORM.pem
			      checks that the newer signed tree head extends the older one (append-only, no fork)
			  monitor-log --url BASE --platform-cert PLATFORM.pem --state STATE.json [--rounds N] [--interval S]
			      follows the log: verifies each new head's signature and consistency with the last one seen and
			      every new leaf; exit 6 and ALERT on a fork, a gap or a rollback
			KEY.pem may hold the certificate after the key (the file the platform hands experts and key
			custodians, e.g. expert-key.pem); --cert then defaults to KEY.pem.
			""";

	private final PrintStream out;

	private final PrintStream err;

	BidTool(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		return new BidTool(out, err).dispatch(args);
	}

	private int dispatch(String[] args) {
		if (args.length == 0 || Set.of("-h", "--help", "help").contains(args[0])) {
			(args.length == 0 ? err : out).print(USAGE_TEXT);
			return args.length == 0 ? USAGE : OK;
		}
		try {
			Arguments a = Arguments.parse(args);
			return switch (args[0]) {
				case "seal" -> seal(a);
				case "inspect" -> inspect(a);
				case "unwrap" -> unwrap(a);
				case "fingerprint" -> fingerprint();
				case "verify-receipt" -> verifyReceipt(a);
				case "sign" -> sign(a);
				case "unwrap-share" -> unwrapShare(a);
				case "verify-draw" -> verifyDraw(a);
				case "verify-inclusion" -> new LogCommands(out, err).verifyInclusion(a);
				case "verify-consistency" -> new LogCommands(out, err).verifyConsistency(a);
				case "monitor-log" -> new LogCommands(out, err).monitor(a);
				default -> usage("unknown command " + args[0]);
			};
		}
		catch (UsageException e) {
			return usage(e.getMessage());
		}
		catch (EnvelopeException e) {
			boolean input = e.problem() == EnvelopeException.Problem.BAD_INPUT;
			err.println((input ? "error: " : "refused (" + e.problem() + "): ") + e.getMessage());
			return input ? BAD_INPUT : REFUSED;
		}
		catch (NoSuchFileException e) {
			err.println("error: no such file " + e.getFile());
			return BAD_INPUT;
		}
		catch (IOException e) {
			err.println("error: " + e);
			return IO_FAILURE;
		}
	}

	private int usage(String message) {
		err.println("error: " + message);
		err.print(USAGE_TEXT);
		return USAGE;
	}

	private int seal(Arguments a) throws IOException, EnvelopeException, UsageException {
		String tradeCode = a.required("--trade-code");
		Path sheetFile = a.path("--price-sheet");
		if (!Files.isRegularFile(sheetFile)) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, "no price sheet file " + sheetFile);
		}
		PriceSheet sheet = PriceSheet.parse(Files.readAllBytes(sheetFile));
		PrivateKey key = Pem.privateKey(a.path("--key"));
		X509Certificate certificate = Pem.certificate(a.certificatePath());
		Path openingFile = a.path("--opening-key");
		var openingKey = Pem.publicKey(openingFile);
		X509Certificate openingCertificate = Pem.certificateOrNull(openingFile);
		ContentCipher cipher = ContentCipher.SM4_GCM;
		if (a.has("--cipher")) {
			cipher = ContentCipher.ofLabel(a.required("--cipher"));
			if (cipher == null) {
				throw new UsageException("--cipher is SM4-GCM or AES-256-GCM");
			}
		}
		Path target = a.path("--out");
		List<Path> files = a.positional().stream().map(Path::of).toList();
		EnvelopeWriter.Sealed sealed = EnvelopeWriter.seal(new EnvelopeWriter.Request(tradeCode, sheet, files, key,
				certificate, openingKey, openingCertificate, cipher, 0, MachineFingerprint.ofThisMachine(), null), target);
		out.println("sealed: " + target);
		out.println("size: " + sealed.size());
		out.println("sm3: " + sealed.sm3());
		out.println("sha256: " + sealed.sha256());
		return OK;
	}

	private int inspect(Arguments a) throws IOException, EnvelopeException, UsageException {
		Path file = a.single("envelope file");
		VerifiedEnvelope v = EnvelopeReader.verify(file);
		EnvelopeHeader h = v.header();
		out.println("format: yiwang-sealed-bid v" + h.version());
		out.println("trade code: " + h.tradeCode());
		out.println("sealed at: " + h.sealedAt());
		out.println("cipher: " + h.cipher().label() + " in " + h.chunkCount() + " chunks of " + h.chunkSize());
		out.println("content length: " + h.contentLength());
		for (EnvelopeHeader.Recipient r : h.recipients()) {
			out.println("recipient: " + r.role().name().toLowerCase() + " " + r.algorithm() + " key " + r.keyId()
					+ (r.certificateFingerprint() == null ? "" : " certificate " + r.certificateFingerprint()));
		}
		out.println("signer: " + v.signer().getSubjectX500Principal().getName());
		out.println("signer certificate: " + h.signerFingerprint());
		out.println("signature: " + h.signatureAlgorithm() + " valid (certificate trust is checked by the platform)");
		out.println("size: " + v.size());
		out.println("sm3: " + v.sm3());
		out.println("sha256: " + v.sha256());
		return OK;
	}

	private int unwrap(Arguments a) throws IOException, EnvelopeException, UsageException {
		Path file = a.single("envelope file");
		PrivateKey key = Pem.privateKey(a.path("--key"));
		X509Certificate certificate = Pem.certificate(a.certificatePath());
		if (a.has("--print-key")) {
			VerifiedEnvelope v = EnvelopeReader.verify(file);
			byte[] contentKey = EnvelopeReader.contentKey(v.header(), key, certificate.getPublicKey());
			out.println("cipher: " + v.header().cipher().label());
			out.println("content key: " + Base64.getEncoder().encodeToString(contentKey));
			out.println("sha256: " + v.sha256());
			return OK;
		}
		Path directory = a.path("--out-dir");
		if (Files.exists(directory) && Files.list(directory).findAny().isPresent()) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, directory + " is not empty");
		}
		OpenedEnvelope opened = EnvelopeReader.open(file, key, certificate.getPublicKey(), directory);
		out.println("opened: " + directory);
		out.println("bidder: " + opened.content().priceSheet().bidder());
		out.println("total price: " + opened.content().priceSheet().totalPrice().toPlainString());
		out.println("files: " + opened.content().files().size());
		out.println("sha256: " + opened.envelope().sha256());
		return OK;
	}

	private int fingerprint() {
		MachineFingerprint fingerprint = MachineFingerprint.ofThisMachine();
		out.println("fingerprint: " + fingerprint.combined());
		fingerprint.identifiers().forEach((kind, hash) -> out.println("  " + kind + ": " + hash));
		return OK;
	}

	private int verifyReceipt(Arguments a) throws IOException, EnvelopeException, UsageException {
		Path receiptFile = a.path("--receipt");
		if (!Files.isRegularFile(receiptFile)) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, "no receipt file " + receiptFile);
		}
		SignedReceipt receipt = SignedReceipt.parse(Files.readAllBytes(receiptFile));
		var platformKey = Pem.publicKey(a.path("--platform-cert"));
		X509Certificate ca = Pem.certificate(a.path("--tsa-ca"));
		ReceiptVerifier.Result result = ReceiptVerifier.verify(receipt, platformKey, ca);
		out.println("statement: " + new String(receipt.statement(), StandardCharsets.UTF_8));
		out.println("inclusion proof: " + (result.inclusion() ? "valid" : "INVALID"));
		out.println("platform signature: " + (result.signature() ? "valid" : "INVALID"));
		out.println("timestamp: " + (result.timestamp() ? "valid, " + result.timestampTime() : "INVALID"));
		if (!result.valid()) {
			err.println("refused: " + result.problem());
			return RECEIPT_INVALID;
		}
		out.println("receipt valid: tree head " + result.treeHead().batch() + ", root "
				+ Crypto.hex(result.treeHead().root()));
		return OK;
	}

	private int verifyDraw(Arguments a) throws IOException, UsageException {
		Path file = a.single("verification record (DRAW.json)");
		tools.jackson.databind.JsonNode record;
		try {
			record = tools.jackson.databind.json.JsonMapper.builder().build().readTree(Files.readAllBytes(file));
		}
		catch (tools.jackson.core.JacksonException e) {
			err.println("error: " + file + " is not JSON: " + e.getOriginalMessage());
			return BAD_INPUT;
		}
		if (!record.has("seed") || !record.has("pool") || !record.has("picks") || !record.has("seedSha256")
				|| !record.has("poolSha256")) {
			err.println("error: not a draw verification record (seed, seedSha256, pool, poolSha256, picks)");
			return BAD_INPUT;
		}
		List<String> problems;
		try {
			problems = DrawVerifier.problems(record);
		}
		catch (RuntimeException e) {
			err.println("error: the record is malformed: " + e.getMessage());
			return BAD_INPUT;
		}
		if (!problems.isEmpty()) {
			problems.forEach(p -> err.println("NOT OK: " + p));
			return REFUSED;
		}
		out.println("OK: seed and pool match their commitments; " + record.get("picks").size() + " picks recompute");
		return OK;
	}

	private int sign(Arguments a) throws IOException, EnvelopeException, UsageException {
		Path file = a.single("file to sign");
		if (!Files.isRegularFile(file)) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, "no such file " + file);
		}
		PrivateKey key = Pem.privateKey(a.path("--key"));
		X509Certificate certificate = Pem.certificate(a.certificatePath());
		Path target = a.path("--out");
		String algorithm = Signing.algorithmFor(certificate.getPublicKey());
		if (algorithm == null) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, "the certificate's key is neither SM2, ECDSA nor RSA");
		}
		byte[] content = Files.readAllBytes(file);
		try {
			byte[] signature = Signing.sign(algorithm, key, content);
			if (!Signing.verify(algorithm, certificate.getPublicKey(), content, signature)) {
				throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, "the key is not the certificate's key");
			}
			Files.write(target, signature);
			out.println("algorithm: " + algorithm);
			out.println("signature: " + Base64.getEncoder().encodeToString(signature));
			out.println("sha256: " + Crypto.hex(Crypto.sha256(content)));
			out.println("written: " + target);
			return OK;
		}
		catch (java.security.GeneralSecurityException | ClassCastException e) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, "the key is not the certificate's key", e);
		}
	}

	private int unwrapShare(Arguments a) throws IOException, EnvelopeException, UsageException {
		PrivateKey key = Pem.privateKey(a.path("--key"));
		Path shareFile = a.path("--share");
		if (!Files.isRegularFile(shareFile)) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, "no share file " + shareFile);
		}
		byte[] wrapped;
		try {
			wrapped = Base64.getMimeDecoder().decode(Files.readString(shareFile, StandardCharsets.US_ASCII).strip());
		}
		catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, shareFile + " does not hold base64 text");
		}
		X509Certificate certificate = Pem.certificate(a.certificatePath());
		byte[] share = KeyWrap.unwrap(KeyWrap.algorithmFor(certificate.getPublicKey()), key, wrapped);
		out.println("share: " + Base64.getEncoder().encodeToString(share));
		return OK;
	}

	static final class UsageException extends Exception {

		UsageException(String message) {
			super(message);
		}
	}

	/** {@code --name value} options, {@code --flag} flags, and positional arguments after the command. */
	record Arguments(Map<String, String> options, List<String> positional) {

		private static final Set<String> FLAGS = Set.of("--print-key");

		static Arguments parse(String[] args) throws UsageException {
			Map<String, String> options = new HashMap<>();
			List<String> positional = new ArrayList<>();
			for (int i = 1; i < args.length; i++) {
				if (args[i].startsWith("--")) {
					if (FLAGS.contains(args[i])) {
						options.put(args[i], "");
					}
					else if (i + 1 < args.length) {
						options.put(args[i], args[++i]);
					}
					else {
						throw new UsageException(args[i] + " needs a value");
					}
				}
				else {
					positional.add(args[i]);
				}
			}
			return new Arguments(options, positional);
		}

		boolean has(String name) {
			return options.containsKey(name);
		}

		String required(String name) throws UsageException {
			String value = options.get(name);
			if (value == null || value.isBlank()) {
				throw new UsageException(name + " is required");
			}
			return value;
		}

		Path path(String name) throws UsageException {
			return Path.of(required(name));
		}

		/** {@code --cert}, or else {@code --key}: the platform's own key files carry the certificate after the key. */
		Path certificatePath() throws UsageException {
			return has("--cert") ? path("--cert") : path("--key");
		}

		Path single(String what) throws UsageException {
			if (positional.size() != 1) {
				throw new UsageException("give exactly one " + what);
			}
			return Path.of(positional.get(0));
		}
	}
}
