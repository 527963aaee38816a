#!/usr/bin/env bash
# The transparency log (issue 24): a log of BULK leaves built first, then APPENDS facts through the real path with a
# tree head signed every second; prints appends/s sustained, the largest signing interval under that load, and
# inclusion/consistency proof p50/p99 at the final size, each beside plain SHA-256 hashing of the same leaves.
# Usage: bench/transparency-log.sh [bulk=10000000] [appends=200000] [proofs=10000]   (10 M leaves: several minutes, ~3 GB disk)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (platform jar + bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx2g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.transparency.TransparencyBenchmark "$@"
