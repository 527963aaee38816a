package org.yiwang.tendering.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.support.AbstractMultipartHttpServletRequest;
import org.yiwang.system.Refusal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Large uploads (tender documents; later sealed bids) are read as a stream, straight from the socket to the blob
 * store, instead of being parsed by the servlet container into a temporary file under the app-wide multipart limit.
 * For the upload URLs only, this filter marks the request as multipart already (so Spring does not parse it) and
 * answers parameter lookups from the query string alone (so nothing upstream makes the container read the body; page
 * forms carry their CSRF token in the action URL). The controller then walks the parts with
 * {@link #file(HttpServletRequest, String, FileReceiver)}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class StreamedUploads extends OncePerRequestFilter {

	/** Upload URLs read as a stream: the documents, the sealed bids and the contract of a section, page and API. */
	static final Pattern PATHS = Pattern.compile("/(api/tendering|tenders)/sections/[^/]+/(documents|bids|contract)");

	@FunctionalInterface
	interface FileReceiver<T> {

		T receive(String fileName, String contentType, InputStream content);
	}

	/** A receiver that also gets the form fields sent before the file part (by name; the last value of each). */
	@FunctionalInterface
	interface FieldsAndFileReceiver<T> {

		T receive(Map<String, String> fields, String fileName, String contentType, InputStream content);
	}

	/** Most characters of a form field read before the file part; a longer value is cut here (and then refused). */
	static final int MAX_FIELD_CHARS = 16 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null
				|| !type.toLowerCase().startsWith("multipart/form-data")
				|| !PATHS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new StreamedRequest(request), response);
	}

	/**
	 * Hands the part named {@code field} to the receiver as a stream, skipping form fields before it. A body that is
	 * not well-formed multipart, or has no such part, is refused.
	 */
	static <T> T file(HttpServletRequest request, String field, FileReceiver<T> receiver) {
		String type = request.getContentType();
		if (type == null || !type.toLowerCase().startsWith("multipart/form-data") || !type.contains("boundary=")) {
			throw Refusal.invalid(field, "tendering.upload.malformed");
		}
		try {
			FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
			while (parts.hasNext()) {
				FileItemInput part = parts.next();
				if (!part.isFormField() && field.equals(part.getFieldName())) {
					try (InputStream content = part.getInputStream()) {
						return receiver.receive(part.getName(), part.getContentType(), content);
					}
				}
			}
		}
		catch (IOException e) {
			throw Refusal.invalid(field, "tendering.upload.malformed");
		}
		catch (InvalidPathException e) {
			// the parser refuses a file name with a NUL (it could cut a path short further on)
			throw Refusal.invalid(field, "problem.fileName");
		}
		throw Refusal.invalid(field, "tendering.document.empty");
	}

	/**
	 * Like {@link #file(HttpServletRequest, String, FileReceiver)}, but the form fields before the file part are read
	 * (each cut at {@link #MAX_FIELD_CHARS}) and handed over too; a field sent in the query string counts when the body
	 * has none of that name. Page forms put such fields before their file input, so browsers send them first.
	 */
	static <T> T fileWithFields(HttpServletRequest request, String field, FieldsAndFileReceiver<T> receiver) {
		String type = request.getContentType();
		if (type == null || !type.toLowerCase().startsWith("multipart/form-data") || !type.contains("boundary=")) {
			throw Refusal.invalid(field, "tendering.upload.malformed");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (values.length > 0 && !"_csrf".equals(name)) {
				fields.put(name, values[values.length - 1]);
			}
		});
		try {
			FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
			while (parts.hasNext()) {
				FileItemInput part = parts.next();
				if (part.isFormField()) {
					try (InputStream in = part.getInputStream()) {
						byte[] head = in.readNBytes(MAX_FIELD_CHARS * 4);
						String value = new String(head, StandardCharsets.UTF_8);
						fields.put(part.getFieldName(), value.length() > MAX_FIELD_CHARS
								? value.substring(0, MAX_FIELD_CHARS) : value);
					}
				}
				else if (field.equals(part.getFieldName())) {
					try (InputStream content = part.getInputStream()) {
						return receiver.receive(Map.copyOf(fields), part.getName(), part.getContentType(), content);
					}
				}
			}
		}
		catch (IOException e) {
			throw Refusal.invalid(field, "tendering.upload.malformed");
		}
		catch (InvalidPathException e) {
			// the parser refuses a file name with a NUL (it could cut a path short further on)
			throw Refusal.invalid(field, "problem.fileName");
		}
		throw Refusal.invalid(field, "tendering.document.empty");
	}

	/** A multipart request Spring leaves unparsed, whose parameters come from the query string only. */
	private static final class StreamedRequest extends AbstractMultipartHttpServletRequest {

		private final Map<String, String[]> query;

		StreamedRequest(HttpServletRequest request) {
			super(request);
			setMultipartFiles(new LinkedMultiValueMap<>());
			this.query = parse(request.getQueryString());
		}

		@Override
		public String getMultipartContentType(String paramOrFileName) {
			return null;
		}

		@Override
		public HttpHeaders getMultipartHeaders(String paramOrFileName) {
			return null;
		}

		@Override
		public String getParameter(String name) {
			String[] values = query.get(name);
			return values == null ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return query;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(query.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return query.get(name);
		}

		private static Map<String, String[]> parse(String queryString) {
			Map<String, String[]> parameters = new LinkedHashMap<>();
			if (queryString == null || queryString.isEmpty()) {
				return Collections.unmodifiableMap(parameters);
			}
			for (String pair : queryString.split("&")) {
				int eq = pair.indexOf('=');
				String name = decode(eq < 0 ? pair : pair.substring(0, eq));
				String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
				parameters.merge(name, new String[] { value }, (a, b) -> {
					String[] both = java.util.Arrays.copyOf(a, a.length + 1);
					both[a.length] = b[0];
					return both;
				});
			}
			return Collections.unmodifiableMap(parameters);
		}

		private static String decode(String text) {
			try {
				return URLDecoder.decode(text, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException e) {
				return text;
			}
		}
	}
}
