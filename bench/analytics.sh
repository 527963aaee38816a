#!/usr/bin/env bash
# Analytics at city scale (issue 20): a seeded generator COPYs N facts (default 10 million) over 5 years across every
# district and category into analytics.facts of a fresh embedded PostgreSQL, rebuilds the rollups from them (timed, with
# progress), then times each dashboard (its six rollup queries, p50/p95) beside the same questions as plain GROUP BYs
# over the fact table, measured in the same run. Same seed, same facts.
# Usage: bench/analytics.sh [facts=10000000] [seed=20] [dashboards=40] [baseline dashboards=5]   (10 M: ~15-25 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building the benchmark (platform jar + bench classes)..."
./mvnw -q -B -o -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx2g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.analytics.AnalyticsBenchmark "$@"
