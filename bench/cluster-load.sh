#!/usr/bin/env bash
# Two nodes against one (issue 25): the floor, ONE application node and TWO nodes, each server a JVM of its own on one
# PostgreSQL, the client in this JVM; a deadline rush (round-robin over the nodes) and a hot auction's bids (sticky per
# bidder, a 503 from the node without the clock passed on) in each. One table: ops/s, the 2-node/1-node ratio, p99 and
# CPU ms per op (server JVMs + PostgreSQL; the client's apart), beside the floor's; the checks (0 receipts lost, each
# bid decided once). Setup a few minutes (bidders, certificates, envelopes), then ~5 min. Exit 1 if a check fails.
# Usage: bench/cluster-load.sh [rush bidders=400] [envelope KB=1024] [auction bidders=200] [seconds=10] [uploads at a time=16]
#        (1 MB envelopes: the CPU per receipt is the issue's; its whole rush: bench/cluster-load.sh 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (envelope + platform jars, bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.auction.ClusterLoad "$@"
