#!/usr/bin/env bash
# Broadcast: N watchers on one auction's live event stream; p50/p99 time from a bid's acknowledgement to its arrival at
# each watcher, beside a raw loopback fan-out of the same payload to as many sockets, measured in the same run.
# Usage: bench/auction-broadcast.sh [watchers=5000] [bids=100]   (two or three minutes; with fewer bids the p99 is the first, cold ones')
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (platform jar + bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.auction.AuctionBroadcast "$@"
