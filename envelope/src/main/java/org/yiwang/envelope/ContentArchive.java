package org.yiwang.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.yiwang.envelope.EnvelopeException.Problem;

/** Reads the decrypted content: the price sheet, the evidence, then the files, written into a directory. */
final class ContentArchive {

	private ContentArchive() {
	}

	/** A file name the archive accepts: 1-255 UTF-8 bytes, no path separator, no control character, not . or ... */
	static boolean validName(String name) {
		if (name.isEmpty() || name.equals(".") || name.equals("..") || name.getBytes(StandardCharsets.UTF_8).length > 255) {
			return false;
		}
		return name.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':');
	}

	static OpenedEnvelope.Content read(InputStream plain, Path directory) throws IOException, EnvelopeException {
		byte[] sheet = small(plain, Envelope.ENTRY_PRICE_SHEET, Envelope.PRICE_SHEET_NAME, PriceSheet.MAX_BYTES);
		PriceSheet priceSheet;
		try {
			priceSheet = PriceSheet.parse(sheet);
		}
		catch (EnvelopeException e) {
			throw new EnvelopeException(Problem.MALFORMED_CONTENT, "the sealed price sheet: " + e.getMessage());
		}
		Evidence evidence = Evidence.parse(small(plain, Envelope.ENTRY_EVIDENCE, Envelope.EVIDENCE_NAME, 16 * 1024 * 1024));
		List<Path> files = new ArrayList<>();
		if (directory != null) {
			Files.createDirectories(directory);
			Files.write(directory.resolve(Envelope.PRICE_SHEET_NAME), sheet);
		}
		byte[] buffer = new byte[64 * 1024];
		while (true) {
			int kind = plain.read();
			if (kind < 0) {
				break;
			}
			if (kind != Envelope.ENTRY_FILE) {
				throw new EnvelopeException(Problem.MALFORMED_CONTENT, "unknown entry kind " + kind);
			}
			String name = name(plain);
			long size = length(plain);
			OutputStream out = null;
			if (directory != null) {
				Path target = directory.resolve("files").resolve(name);
				Files.createDirectories(target.getParent());
				out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW);
				files.add(target);
			}
			try {
				long left = size;
				while (left > 0) {
					int n = plain.read(buffer, 0, (int) Math.min(buffer.length, left));
					if (n < 0) {
						throw new EnvelopeException(Problem.MALFORMED_CONTENT, name + " ends early");
					}
					if (out != null) {
						out.write(buffer, 0, n);
					}
					left -= n;
				}
			}
			catch (java.nio.file.FileAlreadyExistsException e) {
				throw new EnvelopeException(Problem.MALFORMED_CONTENT, "two files are named " + name);
			}
			finally {
				if (out != null) {
					out.close();
				}
			}
		}
		return new OpenedEnvelope.Content(priceSheet, evidence, files);
	}

	private static byte[] small(InputStream plain, int kind, String expectedName, int max)
			throws IOException, EnvelopeException {
		int k = plain.read();
		if (k != kind) {
			throw new EnvelopeException(Problem.MALFORMED_CONTENT, "the content does not start with " + expectedName);
		}
		String name = name(plain);
		long size = length(plain);
		if (!name.equals(expectedName) || size > max) {
			throw new EnvelopeException(Problem.MALFORMED_CONTENT, expectedName + " is misnamed or too large");
		}
		byte[] bytes = plain.readNBytes((int) size);
		if (bytes.length != size) {
			throw new EnvelopeException(Problem.MALFORMED_CONTENT, expectedName + " ends early");
		}
		return bytes;
	}

	private static String name(InputStream plain) throws IOException, EnvelopeException {
		byte[] len = plain.readNBytes(2);
		if (len.length != 2) {
			throw new EnvelopeException(Problem.MALFORMED_CONTENT, "an entry ends early");
		}
		int n = ((len[0] & 0xff) << 8) | (len[1] & 0xff);
		byte[] bytes = plain.readNBytes(n);
		String name = new String(bytes, StandardCharsets.UTF_8);
		if (bytes.length != n || !validName(name)) {
			throw new EnvelopeException(Problem.MALFORMED_CONTENT, "an entry has an unacceptable name");
		}
		return name;
	}

	private static long length(InputStream plain) throws IOException, EnvelopeException {
		byte[] b = plain.readNBytes(8);
		if (b.length != 8) {
			throw new EnvelopeException(Problem.MALFORMED_CONTENT, "an entry ends early");
		}
		long size = 0;
		for (byte x : b) {
			size = (size << 8) | (x & 0xff);
		}
		if (size < 0) {
			throw new EnvelopeException(Problem.MALFORMED_CONTENT, "an entry has a negative size");
		}
		return size;
	}
}
