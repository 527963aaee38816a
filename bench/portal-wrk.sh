#!/usr/bin/env bash
# The portal under 50 concurrent clients (wrk): home page and two search pages (a two-character term with a region
# facet, and one without; both show a full first page of 20 hits on the synthetic records), then a mix of 160 search
# pages with the page cache and without it,
# beside the static stylesheet served by the same server in the same run (the baseline: what any page costs here).
# Usage: bench/portal-wrk.sh [--records=20000] [--duration=20s]
set -euo pipefail
cd "$(dirname "$0")/.."
records=20000; duration=20s
for arg in "$@"; do case "$arg" in --records=*) records="${arg#--records=}" ;; --duration=*) duration="${arg#--duration=}" ;; esac; done
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
echo "Building the platform and the bench classes..."
./mvnw -q -B -pl bench -am -DskipTests -Dmaven.test.skip=true package
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -Xmx2g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.yiwang.portal.PortalLoadServer \
  --records="$records" --server.port="$port" --yiwang.demo=false --yiwang.database.embedded-directory="$work/pg" \
  --yiwang.portal.index-directory="$work/index" --yiwang.pki.key-secret-file="$work/secret" --logging.file.name="$work/log" \
  > "$work/server.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
echo "Starting the platform with $records synthetic records on port $port..."
for _ in $(seq 1 600); do grep -q READY "$work/server.out" && break; kill -0 $server 2>/dev/null || { cat "$work/server.out"; exit 1; }; sleep 1; done
grep READY "$work/server.out"
base="http://127.0.0.1:$port"
curl -fsS "$base/portal" >/dev/null
page=$(curl -fsS "$base/notices?q=%E9%81%93%E8%B7%AF&region=500103")
grep -q 'class="hit"' <<<"$page" || { echo "the search page shows no hits: choose another query"; exit 1; }
# (a region and a category together match next to nothing among uniformly spread synthetic records: the earlier
# "道路 + 500103 + ENG_BUILDING" page showed 0 hits, so it measured an empty page)
for target in "/css/yiwang.css" "/portal" "/notices?q=%E9%81%93%E8%B7%AF&region=500103" "/notices?q=%E5%AD%A6%E6%A0%A1"; do
  wrk -t2 -c10 -d5s "$base$target" >/dev/null  # warm up
  printf "%-70s " "$target"
  wrk -t2 -c50 -d"$duration" -s bench/p95.lua "$base$target" | tail -1
done
# 160 different search pages at random (bench/portal-mix.lua): with the page cache, and with every page drawn anew
for fresh in 0 1; do
  PORTAL_MIX_FRESH=$fresh wrk -t2 -c10 -d5s -s bench/portal-mix.lua "$base" >/dev/null
  printf "%-70s " "mix of 160 search pages$([ $fresh = 1 ] && echo ', each drawn anew (no cache)')"
  PORTAL_MIX_FRESH=$fresh wrk -t2 -c50 -d"$duration" -s bench/portal-mix.lua "$base" | tail -1
done
echo "(50 connections, 2 wrk threads, $duration each; /css/yiwang.css is the baseline; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg))"
