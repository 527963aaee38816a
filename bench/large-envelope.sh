#!/usr/bin/env bash
# One very large sealed envelope (default 2 GB of content) uploaded over HTTP on loopback to a platform whose JVM has a
# 256 MB heap: receipted, and the heap in use stays under 256 MB; beside the disk's own pace and the hashing, same run.
# Needs about 3x the size free under /tmp. Usage: bench/large-envelope.sh [megabytes=2048]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (envelope + platform jars, bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx256m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.bench.LargeEnvelope "$@"
