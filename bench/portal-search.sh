#!/usr/bin/env bash
# Portal search: the portal's Lucene index beside PostgreSQL ILIKE with a pg_trgm GIN index on the same synthetic
# records, measured in the same run, plus indexing records/s.
# Usage: bench/portal-search.sh [--records=20000] [--queries=600]     (the issue's size: --records=1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building the benchmark (platform jar + bench classes)..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
heap=2g
for arg in "$@"; do case "$arg" in --records=*) [ "${arg#--records=}" -ge 300000 ] && heap=6g ;; esac; done
java -Xmx$heap -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.portal.PortalSearchBenchmark "$@"
