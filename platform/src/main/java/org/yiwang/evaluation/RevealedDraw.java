package org.yiwang.evaluation;

import java.time.Instant;
import java.util.UUID;

/**
 * A draw whose seal is lifted (evaluation has begun): its verification record at {@code /draws/{id}/verification.json}
 * is public, so anyone can recompute the draw (docs/expert-draw.md).
 */
public record RevealedDraw(UUID id, int round, Instant revealedAt) {
}
