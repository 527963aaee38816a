package org.yiwang.supervision.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yiwang.system.Refusal;

class ScreeningInputTests {

	static List<ScreeningInput.TenderBids> read(String csv) throws IOException {
		return ScreeningInput.read(new StringReader(csv));
	}

	static Refusal refusal(String csv) {
		return (Refusal) org.assertj.core.api.Assertions.catchThrowable(() -> read(csv));
	}

	@Test
	void groupsBidsByTenderInFileOrderWithOptionalColumnsAndQuotes() throws IOException {
		List<ScreeningInput.TenderBids> t = read("Tender,Bidder,Amount,Estimate,Winner\n\"T-2, north\",\"甲公司\",100,120,1\nT-1,乙公司,90.5,,0\n\n"
				+ "\"T-2, north\",\"丙 \"\"公司\"\"\",110,120,0\n");
		assertThat(t).extracting(ScreeningInput.TenderBids::tender).containsExactly("T-2, north", "T-1");
		assertThat(t.get(0).amounts()).containsExactly(100.0, 110.0);
	}

	@Test
	void toleratesAByteOrderMark() throws IOException {
		assertThat(read("\uFEFFtender,bidder,amount\nA,x,1\nA,y,2\n")).hasSize(1);
	}

	@Test
	void refusesAMissingRequiredColumnByName() {
		Refusal r = refusal("tender,bidder,price\nA,x,1\n");
		assertThat(r.messageKey()).isEqualTo("supervision.screening.missingColumn");
		assertThat(r.arguments()).containsExactly("amount");
		assertThat(r.field()).isEqualTo("file");
	}

	@Test
	void refusesANonNumberWithItsLineNumber() {
		Refusal r = refusal("tender,bidder,amount\nA,x,1\nA,y,1,000\n");
		assertThat(r.messageKey()).isEqualTo("supervision.screening.fieldCount");
		assertThat(r.arguments()[0]).isEqualTo(3);
		Refusal nan = refusal("tender,bidder,amount\nA,x,1\nA,y,十万\n");
		assertThat(nan.messageKey()).isEqualTo("supervision.screening.notANumber");
		assertThat(nan.arguments()).containsExactly(3, "amount", "十万");
	}

	@Test
	void refusesNegativeAndZeroAmountsAndEstimates() {
		assertThat(refusal("tender,bidder,amount\nA,x,-5\n").messageKey()).isEqualTo("supervision.screening.notPositive");
		assertThat(refusal("tender,bidder,amount\nA,x,0\n").messageKey()).isEqualTo("supervision.screening.notPositive");
		Refusal estimate = refusal("tender,bidder,amount,estimate\nA,x,5,-1\n");
		assertThat(estimate.arguments()).containsExactly(2, "estimate", "-1");
	}

	@Test
	void refusesAnEmptyFileAHeaderOnlyFileAndBlankNames() {
		assertThat(refusal("").messageKey()).isEqualTo("supervision.screening.empty");
		assertThat(refusal("\uFEFF").messageKey()).isEqualTo("supervision.screening.empty");
		assertThat(refusal("tender,bidder,amount\n\n").messageKey()).isEqualTo("supervision.screening.noRows");
		assertThat(refusal("tender,bidder,amount\n ,x,1\n").arguments()).containsExactly(2, "tender");
		assertThat(refusal("tender,bidder,amount\nA,,1\n").arguments()).containsExactly(2, "bidder");
		assertThat(refusal("tender,bidder,amount\n\"A,x,1\n").messageKey()).isEqualTo("supervision.screening.openQuote");
		assertThat(refusal("tender,bidder,amount\nA,x,NaN\n").messageKey()).isEqualTo("supervision.screening.notANumber");
	}

	@Test
	void writesOneRowPerTenderWithEmptyUndefinedScreensAndARisk() throws IOException {
		List<ScreeningOutput.Row> rows = ScreeningOutput.screen(
				read("tender,bidder,amount\nA,x,100\nA,y,110\nA,z,121\nA,w,133.1\nB,x,50\n=cmd,x,5\n"),
				RiskModel.platformDefault());
		StringWriter out = new StringWriter();
		ScreeningOutput.write(rows, out);
		String[] lines = out.toString().split("\n");
		assertThat(lines[0]).isEqualTo("tender,bids,cv,spd,diffp,rd,kurt,skew,kstest,risk");
		assertThat(lines[1]).startsWith("A,4,0.1228,0.3310,0.1000,0.9520,-1.1502,0.1767,0.2500,");
		assertThat(lines[2]).matches("B,1,,,,,,,,0\\.\\d{4}");
		assertThat(lines[3]).startsWith("\"'=cmd\",1,");
		for (ScreeningOutput.Row r : rows) {
			assertThat(r.risk().value()).isBetween(0.0, 1.0);
		}
	}

	@Test
	void theDefaultModelNamesTheScreensThatDroveAHighScore() {
		RiskModel model = RiskModel.platformDefault();
		Risk many = model.score(BidScreens.of(100, 100.5, 101, 101.2, 101.3, 101.9, 102, 130, 131, 150));
		assertThat(many.value()).isBetween(0.0, 1.0);
		assertThat(many.drivers()).isNotEmpty().allMatch(d -> List.of(Screens.NAMES).contains(d));
		assertThatThrownBy(() -> RiskModel.read(new java.io.ByteArrayInputStream("mean=1,2".getBytes())))
			.isInstanceOf(IllegalStateException.class);
	}
}
