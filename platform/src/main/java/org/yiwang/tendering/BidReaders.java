package org.yiwang.tendering;

import org.yiwang.kernel.Acting;

/**
 * Who may read the opened bids of a section's round: the evaluation committee (招标投标法 Art. 37, 实施条例 Art. 48),
 * which only the evaluation module knows, so it answers here. Tendering asks every implementation and lets the reader
 * in when one says yes; with none, nobody reads an opened bid (deny by default).
 */
public interface BidReaders {

	/** Whether the acting account may read the round's opened bids now. */
	boolean mayRead(Acting acting, SectionId section, int round);
}
