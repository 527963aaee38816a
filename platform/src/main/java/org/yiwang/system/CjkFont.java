package org.yiwang.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;

/**
 * The Chinese font for the PDFs the platform renders with OpenPDF: Noto Sans CJK from the system (Debian's
 * fonts-noto-cjk), Simplified Chinese, embedded as a subset. Without it a PDF cannot show Chinese, so its absence is
 * an error, not a silent fallback.
 */
public final class CjkFont {

	public static final List<Path> FILES = List.of(Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
			Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"));

	private CjkFont() {
	}

	/** A new base font for one document (OpenPDF keeps the subset of glyphs used in the font object). */
	public static BaseFont embedded() {
		Path file = FILES.stream().filter(Files::isReadable).findFirst()
			.orElseThrow(() -> new IllegalStateException("No CJK font: install fonts-noto-cjk"));
		try {
			// Index 2 of the collection is Simplified Chinese (SC).
			return BaseFont.createFont(file + ",2", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
		}
		catch (IOException | DocumentException e) {
			throw new IllegalStateException("The CJK font " + file + " could not be read", e);
		}
	}
}
