package org.yiwang.transparency;

import java.util.List;

/** RFC 9162 consistency proof between the trees of {@code first} and {@code second} leaves (lower-case hex). */
public record ConsistencyProof(long first, long second, List<String> path) {
}
