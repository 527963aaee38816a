package org.yiwang.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a bid file says about where it came from, for collusion checks: its SHA-256, size, and, where the format
 * carries them, author, last editor and creating software. Read from Office Open XML ({@code docProps/core.xml},
 * {@code docProps/app.xml}) and from a PDF's document information dictionary (uncompressed literal strings);
 * other files get hash and size only. Files are streamed, never read whole.
 */
public record DocumentMetadata(String name, long size, String sha256, String author, String lastModifiedBy,
		String application) {

	private static final int PDF_SCAN_BYTES = 256 * 1024;

	public static DocumentMetadata of(Path file) throws IOException {
		MessageDigest sha256 = Crypto.sha256();
		long size = 0;
		byte[] head = new byte[0];
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			for (int n; (n = in.read(buffer)) > 0;) {
				sha256.update(buffer, 0, n);
				if (size < PDF_SCAN_BYTES) {
					int keep = (int) Math.min(n, PDF_SCAN_BYTES - size);
					byte[] grown = new byte[head.length + keep];
					System.arraycopy(head, 0, grown, 0, head.length);
					System.arraycopy(buffer, 0, grown, head.length, keep);
					head = grown;
				}
				size += n;
			}
		}
		String name = file.getFileName().toString();
		String author = null;
		String editor = null;
		String application = null;
		String lower = name.toLowerCase();
		if (lower.endsWith(".docx") || lower.endsWith(".xlsx") || lower.endsWith(".pptx")) {
			try (ZipFile zip = new ZipFile(file.toFile())) {
				String core = entry(zip, "docProps/core.xml");
				String app = entry(zip, "docProps/app.xml");
				author = xml(core, "dc:creator");
				editor = xml(core, "cp:lastModifiedBy");
				application = xml(app, "Application");
			}
			catch (IOException | RuntimeException e) {
				// Not a readable package: hash and size only.
			}
		}
		else if (head.length > 5 && new String(head, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
			String text = new String(head, StandardCharsets.ISO_8859_1);
			author = pdf(text, "Author");
			application = pdf(text, "Creator");
			String producer = pdf(text, "Producer");
			if (producer != null) {
				application = application == null ? producer : application + " / " + producer;
			}
		}
		return new DocumentMetadata(name, size, Crypto.hex(sha256.digest()), author, editor, application);
	}

	private static String entry(ZipFile zip, String name) throws IOException {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null || entry.getSize() > 1024 * 1024) {
			return null;
		}
		try (InputStream in = zip.getInputStream(entry)) {
			return new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8);
		}
	}

	private static String xml(String document, String element) {
		if (document == null) {
			return null;
		}
		Matcher m = Pattern.compile("<" + Pattern.quote(element) + "(?:\\s[^>]*)?>([^<]{1,500})</" + Pattern.quote(element) + ">")
			.matcher(document);
		return m.find() ? m.group(1).strip() : null;
	}

	private static String pdf(String text, String key) {
		Matcher m = Pattern.compile("/" + key + "\\s*\\(((?:[^()\\\\]|\\\\.){1,500})\\)").matcher(text);
		return m.find() ? m.group(1).replace("\\(", "(").replace("\\)", ")") : null;
	}
}
