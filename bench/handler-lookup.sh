#!/usr/bin/env bash
# The request path's lookups, old beside new, in one JVM against the real application context: MVC's handler lookup
# (Spring's walk through every mapping vs system.IndexedRequestMappings) and the URL rules (Spring Security's walk vs
# system.IndexedUrlRules), CPU ns per request; one request per pattern of every mapping, and the auction's bid.
# Usage: bench/handler-lookup.sh [rounds=15]   (~1 min after the application has started)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (platform jar + bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.system.HandlerLookup "$@"
