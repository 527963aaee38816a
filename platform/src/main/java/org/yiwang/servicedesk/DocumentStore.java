package org.yiwang.servicedesk;

import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.system.ContentStore;

/**
 * Request documents, content-addressed on local disk. The directory is {@code yiwang.servicedesk.document-directory},
 * by default {@code service-documents} beside the embedded database.
 */
@Component
class DocumentStore extends ContentStore {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	DocumentStore(@Value("${yiwang.servicedesk.document-directory:}") String directory,
			@Value("${yiwang.database.embedded-directory:data/postgres}") String database) {
		super(directory(directory, database, "service-documents"), "servicedesk.document.broken");
	}

	Stored store(InputStream in) {
		return store(in, MAX_BYTES, "document", "servicedesk.document.empty", "servicedesk.document.tooLarge");
	}
}
