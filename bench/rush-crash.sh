#!/usr/bin/env bash
# kill -9 in the middle of a deadline rush: the platform runs as a child process; after a SIGKILL and a restart on the
# same data every receipt held matches a stored, verifiable envelope, unreceipted bids do not count, and retries under
# the same idempotency keys complete; restart time beside a clean start's, same run.
# Usage: bench/rush-crash.sh [bidders=200] [kilobytes=1024] [concurrency=16] [kill-after-percent=40]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (envelope + platform jars, bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.bench.RushCrash "$@"
