package org.yiwang.audit;

import java.util.Optional;

/**
 * Where the chain's head was last checkpointed outside the audit tables. Another module provides it (the transparency
 * log, which depends on this one and not the other way round); {@link AuditLog#verify()} then fails when the chain
 * disagrees with the checkpoint.
 */
public interface ChainCheckpoints {

	/** The newest checkpoint; empty when none was taken yet. */
	Optional<ChainHead> latest();
}
