#!/usr/bin/env bash
# The unavoidable work per sealed bid (SM3 + SHA-256 of 1 MB + one SM2 verification, tight loop) beside the envelope
# reader's full check of a real 1 MB envelope, both on the same threads in the same run.
# Usage: bench/envelope-baseline.sh [threads=2] [seconds=10] [bytes=1048576]   (~30 s with the defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (envelope + platform jars, bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.bench.EnvelopeBaseline "$@"
