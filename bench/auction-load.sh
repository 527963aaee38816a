#!/usr/bin/env bash
# One hot auction: N bidders bidding over HTTP on loopback, accepted durable bids/s and p99 acknowledgement latency,
# beside PostgreSQL single-row insert-and-commit throughput at the same concurrency, measured in the same run.
# Usage: bench/auction-load.sh [bidders=200] [seconds=10] [paced offered bids/s=1000]   (a few minutes, mostly setup)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (platform jar + bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.auction.AuctionLoad "$@"
