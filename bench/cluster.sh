#!/usr/bin/env bash
# Two application nodes as separate JVMs on loopback on one PostgreSQL (docs/cluster.md): a small deadline rush and a
# live auction across both, kill -9 of the node that runs the auction clock half-way, then the checks: 0 receipted rush
# bids lost, no auction bid decided twice, every bid receipt is its recorded bid, the other node took the clock over and
# extended the auction by the outage, the auction finished there, and what each node's watcher saw is the recorded
# history. Prints each check; exits 1 if any fails. A few minutes (two node starts, the auction's countdown).
# Usage: bench/cluster.sh [rush bidders=30] [envelope KB=64]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (envelope + platform jars, bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.auction.ClusterBench "$@"
