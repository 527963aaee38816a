package org.yiwang.supervision.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.supervision.screening.CsvScreening;
import org.yiwang.supervision.screening.ScreeningOutput;
import org.yiwang.system.Refusal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Screens a CSV of historical bids: text/csv in, text/csv out (one row per tender). Regulators only. */
@RestController
@Tag(name = "supervision", description = "Bid-rigging screens, risk score and alerts for regulators")
class ScreeningApi {

	private final CsvScreening screening;

	ScreeningApi(CsvScreening screening) {
		this.screening = screening;
	}

	@PostMapping(path = "/api/supervision/screenings", consumes = "text/csv", produces = "text/csv")
	@Operation(summary = "Screen historical tenders: columns tender, bidder, amount (required), estimate, winner; "
			+ "answers tender, bids, cv, spd, diffp, rd, kurt, skew, kstest, risk (see docs/supervision-screens.md)")
	ResponseEntity<String> screen(HttpServletRequest request) throws IOException {
		StringWriter out = new StringWriter();
		ScreeningOutput.write(screenStrictly(screening, request.getInputStream()), out);
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"scores.csv\"").body(out.toString());
	}

	/**
	 * Screens with a strict UTF-8 reader: bytes that are not UTF-8 refuse the file instead of turning into
	 * replacement marks.
	 */
	static java.util.List<ScreeningOutput.Row> screenStrictly(CsvScreening screening, InputStream in) {
		try {
			return screening.screen(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
		}
		catch (UncheckedIOException e) {
			if (e.getCause() instanceof CharacterCodingException) {
				throw Refusal.invalid("file", "supervision.screening.notUtf8");
			}
			throw e;
		}
	}
}
