#!/usr/bin/env bash
# EVTX read benchmark (issue 9; results in docs/benchmarks.md): writes a large log with the testkit writer,
# reads it with exhunt on one thread with a small heap (memory must stay flat), then lets Debian's
# python3-evtx (evtx_dump.py) read the same file for a fixed time, for context: it is far slower, so it
# gets a time budget instead of the whole file.
#   scripts/bench-evtx.sh [EVENTS [PYTHON_SECONDS]]     defaults: 800000 events, 120 s for evtx_dump.py
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-800000}
python_seconds=${2:-120}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./mvnw -B -q test-compile -pl logs -am
cp="core/target/classes:testkit/target/classes:logs/target/classes:logs/target/test-classes"

echo "== writing $events events"
java -cp "$cp" org.exhunt.testkit.evtx.WriteSampleLog "$work/bench.evtx" "$events"
ls -l "$work/bench.evtx"

echo "== exhunt: one thread, -Xmx64m, 5 rounds"
java -Xmx64m -XX:ActiveProcessorCount=1 -cp "$cp" org.exhunt.logs.evtx.EvtxThroughput "$work/bench.evtx" 5

echo "== evtx_dump.py (python3-evtx) on the same file for $python_seconds s"
count=$( (timeout "$python_seconds" evtx_dump.py "$work/bench.evtx" || true) | grep -c '<Event ' || true)
echo "$count events in $python_seconds s = $((count / python_seconds)) events/s"
