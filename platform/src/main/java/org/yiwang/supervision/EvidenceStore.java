package org.yiwang.supervision;

import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.system.ContentStore;

/**
 * A complaint's evidence files, content-addressed on local disk. The directory is
 * {@code yiwang.supervision.evidence-directory}, by default {@code evidence} beside the embedded database's directory.
 */
@Component
class EvidenceStore extends ContentStore {

	/** One evidence file at most (a scan, a recording's transcript, a PDF). */
	static final long MAX_BYTES = 50L * 1024 * 1024;

	EvidenceStore(@Value("${yiwang.supervision.evidence-directory:}") String directory,
			@Value("${yiwang.database.embedded-directory:data/postgres}") String database) {
		super(directory(directory, database, "evidence"), "supervision.evidence.broken");
	}

	Stored store(InputStream in) {
		return store(in, MAX_BYTES, "evidence", "supervision.evidence.empty", "supervision.evidence.tooLarge");
	}
}
