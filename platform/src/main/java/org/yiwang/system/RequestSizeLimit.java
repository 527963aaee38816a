package org.yiwang.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Refuses a form or JSON body larger than {@code yiwang.http.max-body} (default 2 MB: room for a 1 MB file sent as
 * base64 JSON) with 413: a problem detail for the API, the error page for forms. A declared length over the limit is
 * refused before anything reads it; a body of unknown length (chunked) is read at most to the limit, whoever reads it
 * (Tomcat's form parser stops at the same size, {@code server.tomcat.max-http-form-post-size}). Multipart bodies are
 * bounded by {@code spring.servlet.multipart.*}, and the modules' streamed upload URLs ({@link StreamedUploadUrls}) by
 * their own caps.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBody;

	private final ProblemResponses problems;

	private final List<StreamedUploadUrls> uploads;

	RequestSizeLimit(@Value("${yiwang.http.max-body:2097152}") long maxBody, ProblemResponses problems,
			List<StreamedUploadUrls> uploads) {
		this.maxBody = maxBody;
		this.problems = problems;
		this.uploads = uploads;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
				|| uploads.stream().anyMatch(upload -> upload.matches(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > maxBody) {
			tooLarge(request, response);
			return;
		}
		if (declared >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
			// the container reads no further than the declared length; without one and unchunked there is no body
			chain.doFilter(request, response);
			return;
		}
		if (isForm(request)) {
			try {
				request.getParameterMap(); // the container parses the form now, and stops at its own limit
			}
			catch (InvalidParameterException e) {
				if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
					tooLarge(request, response);
					return;
				}
				throw e;
			}
		}
		BoundedRequest bounded = new BoundedRequest(request, maxBody);
		try {
			chain.doFilter(bounded, new MutedAfterOverflow(response, bounded));
		}
		catch (IOException | ServletException | RuntimeException e) {
			if (!bounded.exceeded) {
				throw e;
			}
		}
		// whatever the reader made of the cut-off body (a parse error, most likely) was not sent: the answer is 413
		if (bounded.exceeded && !response.isCommitted()) {
			response.resetBuffer();
			tooLarge(request, response);
		}
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "problem.tooLarge");
		}
		else {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
		}
	}

	/**
	 * Once the body has gone past the limit, whatever the application answers (a parse error, say, written and
	 * flushed by a message converter) goes nowhere, so the filter can still answer 413.
	 */
	private static final class MutedAfterOverflow extends HttpServletResponseWrapper {

		private final BoundedRequest request;

		MutedAfterOverflow(HttpServletResponse response, BoundedRequest request) {
			super(response);
			this.request = request;
		}

		private boolean muted() {
			return request.exceeded;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			return muted() ? NOWHERE : super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			return muted() ? new PrintWriter(NOWHERE) : super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			if (!muted()) {
				super.flushBuffer();
			}
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			if (!muted()) {
				super.sendError(status, message);
			}
		}

		@Override
		public void sendError(int status) throws IOException {
			if (!muted()) {
				super.sendError(status);
			}
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			if (!muted()) {
				super.sendRedirect(location);
			}
		}

		@Override
		public void setStatus(int status) {
			if (!muted()) {
				super.setStatus(status);
			}
		}

		@Override
		public void setHeader(String name, String value) {
			if (!muted()) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!muted()) {
				super.addHeader(name, value);
			}
		}

		@Override
		public void setContentType(String type) {
			if (!muted()) {
				super.setContentType(type);
			}
		}

		@Override
		public void setContentLengthLong(long length) {
			if (!muted()) {
				super.setContentLengthLong(length);
			}
		}

		@Override
		public void setContentLength(int length) {
			if (!muted()) {
				super.setContentLength(length);
			}
		}
	}

	private static final ServletOutputStream NOWHERE = new ServletOutputStream() {

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
		}
	};

	/** Hands out at most {@code max} bytes of the body; asked for more, it fails and remembers that it did. */
	private static final class BoundedRequest extends HttpServletRequestWrapper {

		private final long max;

		private ServletInputStream stream;

		private BufferedReader reader;

		volatile boolean exceeded;

		BoundedRequest(HttpServletRequest request, long max) {
			super(request);
			this.max = max;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new BoundedStream(super.getInputStream());
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (reader == null) {
				String encoding = getCharacterEncoding();
				Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
				reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
			}
			return reader;
		}

		private final class BoundedStream extends ServletInputStream {

			private final ServletInputStream body;

			private long read;

			BoundedStream(ServletInputStream body) {
				this.body = body;
			}

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				// one byte past the limit tells a body that ends there from one that goes on
				int n = body.read(buffer, offset, (int) Math.min(length, max + 1 - read));
				if (n > 0) {
					read += n;
					if (read > max) {
						exceeded = true;
						throw new IOException("Request body larger than " + max + " bytes");
					}
				}
				return n;
			}

			@Override
			public boolean isFinished() {
				return exceeded || body.isFinished();
			}

			@Override
			public boolean isReady() {
				return body.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				body.setReadListener(listener);
			}
		}
	}
}
