#!/usr/bin/env bash
# The supervision risk score validated across markets: trains on two labelled reference markets, tests on the third,
# each way round, and prints the held-out AUC of the combined score beside each single screen's (direction chosen on
# the training markets). Then fits on all three and writes the platform's default coefficients.
# Usage: bench/collusion-cross-market.sh [data dir=platform/src/test/resources/collusion] [model out=platform/src/main/resources/supervision/risk-model.properties]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building (platform jar + bench classes)..."
./mvnw -q -B -o -pl bench -am -DskipTests -Dmaven.test.skip=true package
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.supervision.CollusionCrossMarket "$@"
