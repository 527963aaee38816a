package org.yiwang.system;

/**
 * A module's upload URLs whose bodies it streams to a store under a cap of its own (tender documents, sealed bids):
 * the app-wide request size limit ({@code yiwang.http.max-body}) leaves them to that cap.
 */
@FunctionalInterface
public interface StreamedUploadUrls {

	/** @param path the request's path inside the application (without the context path) */
	boolean matches(String path);
}
