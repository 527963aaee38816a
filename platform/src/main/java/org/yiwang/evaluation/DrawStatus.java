package org.yiwang.evaluation;

/**
 * COMMITTED: the seed's and the pool's hashes are recorded, nobody is drawn yet; DRAWN: invitations are out;
 * COMPLETE: every seat accepted (CommitteeDrawn published); EXHAUSTED: a redraw found nobody left.
 */
public enum DrawStatus {
	COMMITTED, DRAWN, COMPLETE, EXHAUSTED
}
