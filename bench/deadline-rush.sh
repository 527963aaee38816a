#!/usr/bin/env bash
# The deadline rush: N bidders x K KB sealed envelopes over HTTP on loopback against a platform started in the same
# JVM on a fresh embedded PostgreSQL; receipts/s and p50/p99 beside the per-envelope crypto baseline and one-row
# insert+commit into the same PostgreSQL at the same concurrency, all measured in this run.
# Usage: bench/deadline-rush.sh [bidders=200] [kilobytes=1024] [concurrency=16]   (the issue's size: 2000 1024)
# Also prints the CPU spent per receipt (this JVM by thread group, the kernel, PostgreSQL) beside the baselines' per
# operation: comparable between runs on a busy machine. JAVA_TOOL_OPTIONS=-Drush.tableStats=true adds PostgreSQL's
# table scan counters. The platform is warmed first by a rush of two thirds of min(bidders, 100) other bidders on a
# section of their own (the floor has its warm-up too); the timed rush runs uncounted (the counter's pgjdbc trace costs
# CPU), and the JDBC statements are counted after it, in the last third's rush. JAVA_TOOL_OPTIONS=-Drush.warmup=0
# measures cold and counted, as before. The floor checks each upload's signature under a key of its own, as the
# platform does for every bidder; -Drush.floorOneKey=true gives the floor before 2026-12-07 night (one key, whose
# precomputed table BouncyCastle reuses).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (envelope + platform jars, bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.bench.DeadlineRush "$@"
