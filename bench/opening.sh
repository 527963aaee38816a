#!/usr/bin/env bash
# Opening N envelopes of M MB through the platform's real opening path (check-in, decryption with each bidder's content
# key from disk, price sheet recorded) beside raw SM4-GCM decryption (BouncyCastle) on the same threads, same run.
# Usage: bench/opening.sh [envelopes=50] [megabytes=10] [threads=cores]   (the issue's size: 500 10)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (envelope + platform jars, bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.bench.OpeningBenchmark "$@"
