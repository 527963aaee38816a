#!/usr/bin/env bash
# The expert draw from a pool of 100,000 experts with 1,000 avoidance names: the platform's whole draw (eligible pool,
# SHA-256 commitment, stored draw, seeded picks stored) beside a naive ORDER BY random() with NOT IN lists, measured in
# the same run on the platform's embedded PostgreSQL; p50/p99.
# Usage: bench/expert-draw.sh [experts=100000] [avoidance=1000] [iterations=200]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (platform jar + bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.evaluation.DrawBenchmark "$@"
