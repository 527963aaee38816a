package org.yiwang.purchasing;

import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.system.ContentStore;

/**
 * Price evidence files (other provinces' award notices, invoices), content-addressed in the same directory as the
 * tender documents ({@code blobs} beside the embedded database), so one backup holds both.
 */
@Component
class EvidenceFiles extends ContentStore {

	/** An evidence file is a scan or a PDF; the pages' multipart limit is 10 MB too. */
	static final long MAX_BYTES = 10L * 1024 * 1024;

	EvidenceFiles(@Value("${yiwang.purchasing.blob-directory:}") String directory,
			@Value("${yiwang.database.embedded-directory:data/postgres}") String database) {
		super(directory(directory, database, "blobs"), "purchasing.evidence.broken");
	}

	Stored store(InputStream in) {
		return store(in, MAX_BYTES, "evidence", "purchasing.evidence.required", "purchasing.evidence.tooLarge");
	}
}
