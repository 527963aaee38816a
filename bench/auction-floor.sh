#!/usr/bin/env bash
# Many auctions on one node with light bidding, the platform and this client in one JVM limited to a 512 MiB heap:
# the heap kept with every auction live beside the same platform's before they opened (baseline, same run), the peak
# heap in use while bidding, and the bids' acknowledgement latency.
# Usage: bench/auction-floor.sh [auctions=1000] [bidders per auction=2] [seconds=60] [bids/s=200]   (10 minutes or so)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (platform jar + bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx512m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.auction.AuctionFloor "$@"
