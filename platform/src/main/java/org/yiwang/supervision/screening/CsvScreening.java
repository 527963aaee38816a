package org.yiwang.supervision.screening;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.stereotype.Service;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;

/**
 * Screens historical tenders a regulator uploads (from before the platform): reads the whole CSV, refuses it with a
 * line number when a row is bad, and answers one row per tender. Only regulators screen: the operator holds no
 * supervisory power (管办分离), and the platform administrator runs the {@code screen-bids} command on the server.
 */
@Service
public class CsvScreening {

	private final RiskModel model = RiskModel.platformDefault();

	public List<ScreeningOutput.Row> screen(Reader csv) {
		Actors.requireAnyRole("supervision.screening.regulatorsOnly", Role.REGULATOR);
		return screenUnchecked(csv);
	}

	/** For the server-side command, which no signed-in person runs. */
	List<ScreeningOutput.Row> screenUnchecked(Reader csv) {
		try {
			return ScreeningOutput.screen(ScreeningInput.read(csv), model);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public RiskModel model() {
		return model;
	}
}
