#!/usr/bin/env bash
# Sigma engine throughput, one thread: the whole SigmaHQ rule set over generated IIS and Sysmon records.
# Usage: bench/sigma-throughput.sh [RECORDS [iis|sysmon|both]]   (default 500000 both; needs ../shared/corpus or $EXHUNT_CORPUS)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${EXHUNT_CORPUS:-../shared/corpus}"
./mvnw -B -q -o test-compile dependency:build-classpath -pl sigma -am -Dmdep.outputFile=target/bench.classpath
cp="sigma/target/classes:sigma/target/test-classes:$(cat sigma/target/bench.classpath)"
exec java -Xmx4g -cp "$cp" org.exhunt.sigma.bench.SigmaBenchmark "$corpus/sigma/sigmahq" rules "${1:-500000}" "${2:-both}"
