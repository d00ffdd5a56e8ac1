#!/usr/bin/env bash
# Probe benchmark (docs/benchmarks.md): `exhunt probe` (the release jar, JSON lines to a file) over N emulated
# Exchange servers on loopback, each its own port, served by another JVM (bench ProbeEstate). Prints wall time,
# targets/s and the probe's peak resident memory (GNU time), and checks every target got its answer.
# Not a test: run it by hand on a quiet machine. Settings: N (targets), MODE (tls|plain), CONCURRENCY,
# JAVA_OPTS (e.g. -Xmx256m: the heap the probe is given; by default the JVM takes a quarter of the RAM), REFERENCE=nmap.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
MODE=${MODE:-tls}
CONCURRENCY=${CONCURRENCY:-256}
DIR=$(mktemp -d /tmp/exhunt-probe-bench.XXXXXX)
# (kill 0 would signal this script's whole process group, its caller's too: only a started server is killed)
trap 'exec 3>&- 2>/dev/null; if [ -n "${SERVER_PID:-}" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi; rm -rf "$DIR"' EXIT

./mvnw -B -q package -DskipTests -pl bench,cli -am
CP=bench/target/classes:testkit/target/classes:core/target/classes

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
mkfifo "$DIR/in"
java -Xmx2g -cp "$CP" org.exhunt.bench.ProbeEstate "$N" "$MODE" "$DIR/targets.txt" < "$DIR/in" > "$DIR/server.out" &
SERVER_PID=$!
exec 3> "$DIR/in"
until grep -q ready "$DIR/server.out" 2>/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$DIR/server.out"; echo "the emulated estate did not start" >&2; exit 1; }
    sleep 0.2
done

start=$(date +%s.%N)
set +e
/usr/bin/time -v java ${JAVA_OPTS:-} -jar cli/target/exhunt.jar probe --no-progress --concurrency "$CONCURRENCY" --retries 0 \
    --targets "$DIR/targets.txt" --format jsonl -o "$DIR/probe.jsonl" 2> "$DIR/time.txt"
code=$?
set -e
end=$(date +%s.%N)

wall=$(echo "$end - $start" | bc -l)
rss=$(grep 'Maximum resident set size' "$DIR/time.txt" | awk '{print $NF}')
cpu=$(grep -E 'User time|System time' "$DIR/time.txt" | awk '{s += $NF} END {print s}')
verdicts=$(grep -c '"type":"verdict"' "$DIR/probe.jsonl")
printf 'targets %d (%s), concurrency %d: %.1f s wall, %.0f targets/s, %.1f CPU-s, peak RSS %d MiB, exit %d\n' \
    "$N" "$MODE" "$CONCURRENCY" "$wall" "$(echo "$N / $wall" | bc -l)" "$cpu" $((rss / 1024)) "$code"
echo "verdict lines: $verdicts (expected $((N * 7)))"
grep -o '"text":"Status: [A-Z_]*' "$DIR/probe.jsonl" | sort | uniq -c
[ "$verdicts" -eq $((N * 7)) ] || { echo "some targets got no answer"; exit 1; }

# Reference on the same estate (REFERENCE=nmap, plain mode): nmap's connect scan with the http-headers script forced
# on every port, the closest common tool that fetches a page's headers from many ports.
if [ "${REFERENCE:-}" = nmap ] && [ "$MODE" = plain ]; then
    ports=$(sed 's/.*://' "$DIR/targets.txt" | paste -sd,)
    start=$(date +%s.%N)
    nmap -sT -Pn -n --max-retries 0 --script +http-headers -p "$ports" 127.0.0.1 -oN "$DIR/nmap.txt" > /dev/null
    end=$(date +%s.%N)
    printf 'nmap -sT --script +http-headers: %.1f s wall, %.0f targets/s, %d ports with headers\n' \
        "$(echo "$end - $start" | bc -l)" "$(echo "$N / ($end - $start)" | bc -l)" "$(grep -c '^| http-headers' "$DIR/nmap.txt")"
fi
