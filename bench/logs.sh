#!/usr/bin/env bash
# Log-reader benchmark (docs/benchmarks.md): MB/s per core turning HttpProxy and IIS logs into records, with
# `rg -c ServerInfo~` over the same files as context, then 10 GB of generated logs read with a 512 MB heap.
# Not a test: run it by hand on a quiet machine. Settings: SIZE_MB (each file), PASSES, STREAM_GB, BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-1024}
PASSES=${PASSES:-5}
STREAM_GB=${STREAM_GB:-10}
DIR=${BENCH_DIR:-/tmp/exhunt-bench/logs}

# the classpath from Maven, so that a module's new dependency (Jackson for JSON logs) cannot break the script
./mvnw -B -q package dependency:build-classpath -DskipTests -pl bench -am -Dmdep.outputFile=target/bench.classpath
CP="bench/target/classes:$(cat bench/target/bench.classpath)"
JAVA=(java -Xmx512m -cp "$CP" org.exhunt.bench.LogReadBenchmark)

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$DIR"
mapfile -t FILES < <("${JAVA[@]}" generate "$DIR" "$SIZE_MB")

for f in "${FILES[@]}"; do
    cat "$f" > /dev/null   # warm page cache
    bytes=$(stat -c %s "$f")
    best=""
    for _ in 1 2 3; do
        start=$(date +%s.%N)
        count=$(rg -j1 -c 'ServerInfo~' "$f" || true)
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    printf '%s  rg -j1 -c ServerInfo~  %s lines  best %.0f MB/s\n' "$(basename "$f")" "${count:-0}" \
        "$(echo "$bytes / 1048576 / $best" | bc -l)"
    "${JAVA[@]}" read "$f" "$PASSES"
done

echo "== ${STREAM_GB} GB streamed from the generator, -Xmx512m"
"${JAVA[@]}" stream "$STREAM_GB"
