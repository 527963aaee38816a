#!/usr/bin/env bash
# One hot auction against its floor at several concurrencies in one run: for each, a bare servlet doing one
# insert+commit per POST (the floor), then the platform's live bid endpoint, same bidders and seconds; one table.
# Usage: bench/auction-load.sh [concurrencies=10,50,200] [seconds=10] [paced offered bids/s=1000]   (setup 2-3 min, then ~3 min)
# Each row's platform runs twice by default, the writer committing one batch at a time and then overlapped
# (BENCH_OVERLAP=off|on|both, default both); the writer's stages (queued, decided, statements, commit, answered,
# woken, batch size) are printed under the table, with PostgreSQL's writing transactions and WAL bytes per decided bid.
# Before measuring, floor and platform warm up BENCH_WARMUP seconds (default 5) at each concurrency, in the table's order.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (platform jar + bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx1g -Dbench.overlap="${BENCH_OVERLAP:-both}" -Dbench.warmup="${BENCH_WARMUP:-5}" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.auction.AuctionLoad "$@"
