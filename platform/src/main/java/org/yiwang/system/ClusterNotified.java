package org.yiwang.system;

/**
 * A notice another node of the cluster relayed through PostgreSQL ({@link ClusterFeed}): what changed ({@code topic}
 * and {@code key}, e.g. an auction's id), never the state itself; a listener reloads the state from the database.
 * Published on this node's feed thread, never for the node's own notices.
 */
public record ClusterNotified(String topic, String key, String fromNode) {
}
