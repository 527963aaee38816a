package org.yiwang.audit;

/**
 * The chain's head at some moment: the last entry's sequence number and hash (lower-case hex). Written down outside
 * the database (the transparency log checkpoints it), it pins every entry up to {@code seq}: a chain edited and
 * recomputed behind the platform's back no longer reaches this hash.
 */
public record ChainHead(long seq, String hash) {
}
