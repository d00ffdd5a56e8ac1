#!/usr/bin/env bash
# Sigma engine throughput (issue 5; docs/benchmarks.md), one thread: the whole SigmaHQ rule set over generated
# IIS log lines (read with the IIS reader) and generated Sysmon records. Not a test: run it by hand, ideally on
# a quiet machine. Usage: bench/sigma-throughput.sh [RECORDS [iis|sysmon|both]]   (default 500000 both;
# needs ../shared/corpus or $EXHUNT_CORPUS)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${EXHUNT_CORPUS:-../shared/corpus}"
./mvnw -B -q package dependency:build-classpath -DskipTests -pl bench -am -Dmdep.outputFile=target/bench.classpath
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx4g -cp "bench/target/classes:$(cat bench/target/bench.classpath)" org.exhunt.bench.SigmaBenchmark \
    "$corpus/sigma/sigmahq" rules "${1:-500000}" "${2:-both}"
