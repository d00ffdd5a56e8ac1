#!/usr/bin/env bash
# Sigma correlation state under load (issue 6; docs/benchmarks.md): 10 million records from 100,000 users
# through two correlations, on a small heap. Not a test: run it by hand.
# Usage: bench/sigma-correlation.sh [RECORDS [USERS [HEAP]]]   (defaults 10000000 100000 128m)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package dependency:build-classpath -DskipTests -pl bench -am -Dmdep.outputFile=target/bench.classpath
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java "-Xmx${3:-128m}" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" org.exhunt.bench.CorrelationBenchmark \
    "${1:-10000000}" "${2:-100000}"
