package org.yiwang.supervision.alert;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * What a bid document gives away about who made it, read only once bids are opened: its metadata (author, last
 * editor, creating program, created and modified times: PDF's info dictionary through OpenPDF, DOCX/XLSX's
 * {@code docProps/core.xml} and {@code app.xml} straight from the zip) and a MinHash signature of its text (character
 * 5-gram shingles, 128 hash functions), whose share of equal positions estimates the Jaccard similarity of two texts.
 * Bid rigging shows in both (实施条例 第四十条: bid documents made by the same unit or person, or strikingly alike).
 * A document that cannot be parsed gives no metadata and its raw bytes' shingles; nothing here throws on bad input.
 */
record DocumentFingerprint(String author, String lastModifiedBy, String creator, String producer, Instant created,
		Instant modified, int shingles, long[] minHash) {

	static final int HASHES = 128;

	/** LSH: 32 bands of 4 rows; two texts of Jaccard s share a band with probability 1 - (1 - s^4)^32 (s = 0.5: 0.87). */
	static final int BANDS = 32;

	static final int ROWS = HASHES / BANDS;

	static final int SHINGLE = 5;

	/** Texts beyond this many characters are cut: a bid's technical part is far below it. */
	static final int MAX_TEXT = 2_000_000;

	private static final long[] SEEDS = seeds();

	static DocumentFingerprint of(String fileName, byte[] content) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		Map<String, String> meta = new HashMap<>();
		String text;
		if (name.endsWith(".pdf") || startsWith(content, "%PDF-")) {
			text = pdf(content, meta);
		}
		else if (name.endsWith(".docx") || name.endsWith(".xlsx") || name.endsWith(".pptx")) {
			text = office(content, meta);
		}
		else {
			text = new String(content, StandardCharsets.UTF_8);
		}
		Set<Long> shingles = shingles(text);
		return new DocumentFingerprint(blankToNull(meta.get("author")), blankToNull(meta.get("lastModifiedBy")),
				blankToNull(meta.get("creator")), blankToNull(meta.get("producer")), instant(meta.get("created")),
				instant(meta.get("modified")), shingles.size(), minHash(shingles));
	}

	/** The estimated Jaccard similarity of two texts: the share of the 128 positions where the signatures agree. */
	static double similarity(long[] a, long[] b) {
		int equal = 0;
		for (int i = 0; i < HASHES; i++) {
			if (a[i] == b[i]) {
				equal++;
			}
		}
		return equal / (double) HASHES;
	}

	/** Whether two signatures share at least one LSH band (the candidates worth comparing in a large set). */
	static boolean shareBand(long[] a, long[] b) {
		for (int band = 0; band < BANDS; band++) {
			if (Arrays.equals(a, band * ROWS, (band + 1) * ROWS, b, band * ROWS, (band + 1) * ROWS)) {
				return true;
			}
		}
		return false;
	}

	static byte[] bytes(long[] signature) {
		ByteBuffer buffer = ByteBuffer.allocate(signature.length * 8);
		for (long value : signature) {
			buffer.putLong(value);
		}
		return buffer.array();
	}

	static long[] signature(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		long[] signature = new long[bytes.length / 8];
		for (int i = 0; i < signature.length; i++) {
			signature[i] = buffer.getLong();
		}
		return signature;
	}

	// ---- text and shingles -----------------------------------------------------------------------------------

	/** Character 5-grams of the text without white space and punctuation, lower-cased: robust to re-flowing. */
	static Set<Long> shingles(String text) {
		StringBuilder normal = new StringBuilder();
		text.codePoints().limit(MAX_TEXT).filter(Character::isLetterOrDigit)
			.forEach(c -> normal.appendCodePoint(Character.toLowerCase(c)));
		Set<Long> shingles = new HashSet<>();
		String s = normal.toString();
		for (int i = 0; i + SHINGLE <= s.length(); i++) {
			shingles.add(fnv(s, i, i + SHINGLE));
		}
		return shingles;
	}

	static long[] minHash(Set<Long> shingles) {
		long[] signature = new long[HASHES];
		Arrays.fill(signature, Long.MAX_VALUE);
		for (long shingle : shingles) {
			for (int i = 0; i < HASHES; i++) {
				long h = mix(shingle ^ SEEDS[i]);
				if (h < signature[i]) {
					signature[i] = h;
				}
			}
		}
		return signature;
	}

	private static long fnv(String s, int from, int to) {
		long hash = 0xcbf29ce484222325L;
		for (int i = from; i < to; i++) {
			hash ^= s.charAt(i);
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	/** SplitMix64's finaliser: one independent-looking hash function per seed. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	private static long[] seeds() {
		long[] seeds = new long[HASHES];
		long state = 0x1E1A_2026_0019L;
		for (int i = 0; i < HASHES; i++) {
			state += 0x9e3779b97f4a7c15L;
			seeds[i] = mix(state);
		}
		return seeds;
	}

	// ---- PDF ---------------------------------------------------------------------------------------------------

	private static String pdf(byte[] content, Map<String, String> meta) {
		try {
			PdfReader reader = new PdfReader(content);
			try {
				Map<String, String> info = reader.getInfo();
				meta.put("author", info.get("Author"));
				meta.put("creator", info.get("Creator"));
				meta.put("producer", info.get("Producer"));
				meta.put("created", pdfDate(info.get("CreationDate")));
				meta.put("modified", pdfDate(info.get("ModDate")));
				PdfTextExtractor extractor = new PdfTextExtractor(reader);
				StringBuilder text = new StringBuilder();
				for (int page = 1; page <= reader.getNumberOfPages() && text.length() < MAX_TEXT; page++) {
					text.append(extractor.getTextFromPage(page)).append('\n');
				}
				return text.toString();
			}
			finally {
				reader.close();
			}
		}
		catch (Exception | LinkageError e) {
			// an unreadable PDF still has bytes to compare
			return new String(content, StandardCharsets.ISO_8859_1);
		}
	}

	private static final Pattern PDF_DATE = Pattern
		.compile("D:(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?([Z+\\-])?(\\d{2})?'?(\\d{2})?'?");

	/** {@code D:YYYYMMDDHHmmSS+HH'mm'} as ISO-8601, or null. */
	static String pdfDate(String value) {
		if (value == null) {
			return null;
		}
		Matcher m = PDF_DATE.matcher(value.strip());
		if (!m.lookingAt()) {
			return null;
		}
		String offset = m.group(7) == null || m.group(7).equals("Z") || m.group(8) == null ? "Z"
				: m.group(7) + m.group(8) + ":" + (m.group(9) == null ? "00" : m.group(9));
		return "%s-%s-%sT%s:%s:%s%s".formatted(m.group(1), or(m.group(2), "01"), or(m.group(3), "01"),
				or(m.group(4), "00"), or(m.group(5), "00"), or(m.group(6), "00"), offset);
	}

	// ---- DOCX / XLSX ---------------------------------------------------------------------------------------------

	private static String office(byte[] content, Map<String, String> meta) {
		StringBuilder text = new StringBuilder();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				String name = entry.getName();
				if (name.equals("docProps/core.xml")) {
					Document xml = xml(zip);
					meta.put("author", first(xml, "http://purl.org/dc/elements/1.1/", "creator"));
					meta.put("lastModifiedBy", first(xml,
							"http://schemas.openxmlformats.org/package/2006/metadata/core-properties", "lastModifiedBy"));
					meta.put("created", first(xml, "http://purl.org/dc/terms/", "created"));
					meta.put("modified", first(xml, "http://purl.org/dc/terms/", "modified"));
				}
				else if (name.equals("docProps/app.xml")) {
					Document xml = xml(zip);
					meta.put("creator", first(xml, "*", "Application"));
				}
				else if (name.equals("word/document.xml") || name.equals("xl/sharedStrings.xml")
						|| name.startsWith("ppt/slides/slide")) {
					Document xml = xml(zip);
					NodeList texts = xml.getElementsByTagNameNS("*", "t");
					for (int i = 0; i < texts.getLength() && text.length() < MAX_TEXT; i++) {
						text.append(texts.item(i).getTextContent()).append(' ');
					}
				}
			}
			return text.toString();
		}
		catch (Exception e) {
			return new String(content, StandardCharsets.ISO_8859_1);
		}
	}

	/** Parses one zip entry's XML with no DTDs or external entities (a bid file is untrusted input). */
	private static Document xml(InputStream in) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setExpandEntityReferences(false);
		byte[] bytes = in.readNBytes(20 * 1024 * 1024);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
	}

	private static String first(Document xml, String namespace, String local) {
		NodeList nodes = xml.getElementsByTagNameNS(namespace, local);
		return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
	}

	// ---- small things --------------------------------------------------------------------------------------------

	private static Instant instant(String iso) {
		if (iso == null || iso.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(iso.strip()).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return Instant.parse(iso.strip());
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String or(String value, String otherwise) {
		return value == null ? otherwise : value;
	}

	private static boolean startsWith(byte[] content, String prefix) {
		byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
		return content.length >= p.length && Arrays.equals(content, 0, p.length, p, 0, p.length);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DocumentFingerprint f && Arrays.equals(minHash, f.minHash)
				&& java.util.Objects.equals(author, f.author) && java.util.Objects.equals(creator, f.creator);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(minHash);
	}
}
