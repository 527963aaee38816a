package org.yiwang.tendering;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.system.ContentStore;

/**
 * Tender documents, sealed bids, opened bid files and contracts, content-addressed on local disk. The directory is
 * {@code yiwang.tendering.blob-directory}, by default {@code blobs} beside the embedded database's directory
 * ({@code data/blobs}).
 */
@Component
class Blobs extends ContentStore {

	Blobs(@Value("${yiwang.tendering.blob-directory:}") String directory,
			@Value("${yiwang.database.embedded-directory:data/postgres}") String database) {
		super(directory(directory, database, "blobs"), "tendering.upload.malformed");
	}
}
