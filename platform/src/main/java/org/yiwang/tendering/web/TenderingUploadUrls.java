package org.yiwang.tendering.web;

import org.springframework.stereotype.Component;
import org.yiwang.system.StreamedUploadUrls;

/** The section's documents, sealed bids and contract are streamed to the blob store, each under its own size cap. */
@Component
class TenderingUploadUrls implements StreamedUploadUrls {

	@Override
	public boolean matches(String path) {
		return StreamedUploads.PATHS.matcher(path).matches();
	}
}
