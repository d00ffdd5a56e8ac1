#!/usr/bin/env bash
# EVTX read benchmark (issue 9; docs/benchmarks.md): writes a large event log with the testkit writer, reads it
# on one core with a 64 MB heap (memory must stay flat), then lets Debian's python3-evtx (evtx_dump.py) read the
# same file for a fixed time, for context: it is far slower, so it gets a time budget instead of the whole file.
# Not a test: run it by hand on a quiet machine. Settings: EVENTS, ROUNDS, PYTHON_SECONDS, BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-800000}
ROUNDS=${ROUNDS:-5}
PYTHON_SECONDS=${PYTHON_SECONDS:-120}
DIR=${BENCH_DIR:-/tmp/exhunt-bench}

# the classpath from Maven, so that a module's new dependency (Jackson for JSON logs) cannot break the script
./mvnw -B -q package dependency:build-classpath -DskipTests -pl bench -am -Dmdep.outputFile=target/bench.classpath
CP="bench/target/classes:$(cat bench/target/bench.classpath)"

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$DIR"
FILE="$DIR/bench.evtx"
java -cp "$CP" org.exhunt.bench.EvtxReadBenchmark generate "$FILE" "$EVENTS"
cat "$FILE" > /dev/null   # warm page cache

echo "== exhunt: one core (-XX:ActiveProcessorCount=1), -Xmx64m"
java -Xmx64m -XX:ActiveProcessorCount=1 -cp "$CP" org.exhunt.bench.EvtxReadBenchmark read "$FILE" "$ROUNDS"

echo "== evtx_dump.py (python3-evtx) on the same file for $PYTHON_SECONDS s"
count=$( (timeout "$PYTHON_SECONDS" evtx_dump.py "$FILE" || true) | grep -c '<Event ' || true)
echo "$count events in $PYTHON_SECONDS s = $((count / PYTHON_SECONDS)) events/s"
