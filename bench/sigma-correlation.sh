#!/usr/bin/env bash
# Sigma correlation state under load: 10 million records from 100,000 users through two correlations.
# Usage: bench/sigma-correlation.sh [RECORDS [USERS [HEAP]]]   (defaults 10000000 100000 1g)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile dependency:build-classpath -pl sigma -am -Dmdep.outputFile=target/bench.classpath
cp="sigma/target/classes:sigma/target/test-classes:$(cat sigma/target/bench.classpath)"
exec java "-Xmx${3:-1g}" -cp "$cp" org.exhunt.sigma.bench.CorrelationBenchmark "${1:-10000000}" "${2:-100000}"
