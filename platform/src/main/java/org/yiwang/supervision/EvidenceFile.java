package org.yiwang.supervision;

import java.io.InputStream;
import java.util.function.Supplier;

/** An evidence file as uploaded: its name, type and a way to stream its content once. */
public record EvidenceFile(String fileName, String contentType, Supplier<InputStream> content) {
}
