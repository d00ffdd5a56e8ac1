#!/usr/bin/env bash
# Spark benchmark (issue 22; docs/benchmarks.md): COUNT generated server images (the test kit's RandomScenarios, each
# its own build, intrusions, traffic and log mix: bench class org.exhunt.bench.hunt.EstateImages), scanned
#   1. by a loop of `exhunt scan` (the release jar), one process per server, as a script over a list of servers does;
#   2. by one `exhunt scan` of all of them (one JVM, the rules compiled once);
#   3. by exhunt-spark in Spark's local mode with local[1] and local[2] (the launcher, ./exhunt-spark);
#   4. by exhunt-spark local[1] and one exhunt scan over the first server alone: the fixed cost of a run (JVM, Spark's
#      start, rules, writing the tables), so that the per-server cost is (all - fixed) / (COUNT - 1).
# Wall times with GNU time, the load average before each; every run's verdicts and findings (rule id, stage, per server)
# are checked equal to the loop's (python3). The images are written once into BENCH_DIR and kept (written again when
# the generators change). Not a test: run it by hand, on as quiet a machine as can be had; one command, e.g.
# `bench/spark.sh` or `COUNT=100 bench/spark.sh`. It ends with the figures docs/benchmarks.md gives, and the paper
# estimate for 10,000 servers on 50 executors. Settings: COUNT (>= 40), SEED, BENCH_DIR, CORES (the cores the whole
# benchmark is pinned to when the machine has more).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-40}
SEED=${SEED:-22}
CORES=${CORES:-2}
DIR=${BENCH_DIR:-/tmp/exhunt-bench}/spark
if [ "$COUNT" -lt 2 ]; then echo "COUNT must be at least 2" >&2; exit 2; fi

./mvnw -B -q package dependency:build-classpath -DskipTests -pl bench,cli,spark -am -Dmdep.outputFile=target/classpath.txt
# images written by older generators are written again
if [ -n "$(find bench/src testkit/src -newer "$DIR/images.settings" -print -quit 2>/dev/null)" ]; then rm -rf "$DIR"; fi
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.exhunt.bench.hunt.EstateImages "$DIR" "$COUNT" "$SEED"
mapfile -t SERVERS < <(tail -n +2 "$DIR/manifest.csv")
head -2 "$DIR/manifest.csv" > "$DIR/manifest-1.csv"

PIN=()
if [ "$(nproc)" -gt "$CORES" ]; then PIN=(taskset -c "0-$((CORES - 1))"); fi
echo "== commit $(git describe --always --dirty), $(nproc) cores (pinned to $CORES), $(java -version 2>&1 | head -1)"
echo "== $COUNT images, $(du -sh "$DIR/images" | cut -f1) in all"
load() { cut -d' ' -f1 /proc/loadavg; }
# timed OK_CODES COMMAND...: runs COMMAND pinned; sets WALL and CPU (seconds: CPU is user + system of it and its
# children, steadier than WALL on a shared machine) and LOAD (the 1-minute load average before it);
# fails unless its exit code is one of OK_CODES (exhunt scan's verdict codes are 0, 1, 3, 4: ARCHITECTURE.md)
timed() {
    local ok=$1 code
    shift
    LOAD=$(load)
    "${PIN[@]}" /usr/bin/time -f '%x %e %U %S' -o "$DIR/time.txt" "$@" || true
    read -r code WALL user system < <(tail -1 "$DIR/time.txt")
    CPU=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
    if [[ " $ok " != *" $code "* ]]; then echo "failed (exit $code): $*" >&2; return 1; fi
}
# check REPORT...: each server's verdicts and findings (rule id, stage) in the JSON-lines REPORTs equal the loop's
check() {
    python3 - "$DIR/loop" "$@" <<'PY'
import json, sys, glob, collections
def answers(files):
    out = collections.defaultdict(list)
    for f in files:
        for line in open(f):
            j = json.loads(line)
            if j["type"] == "verdict":
                out[j["server"]].append(("verdict", j["row"], j["exposure"], j["compromise"], j["reason"]))
            elif j["type"] == "finding":
                out[j["server"]].append(("finding", j["rule_id"], j["stage"]))
    return {server: sorted(a) for server, a in out.items()}
loop = answers(glob.glob(sys.argv[1] + "/*.jsonl"))
other = answers(sys.argv[2:])
assert other == loop, "the answers differ from exhunt scan's, one process per server"
print("   checked: the verdicts and findings of all %d servers equal the loop's" % len(loop))
PY
}

rm -rf "$DIR/loop" && mkdir -p "$DIR/loop"
timed 0 bash -c '
    for line in "${@:2}"; do
        IFS=, read -r server path org <<< "$line"
        java -jar cli/target/exhunt.jar scan --no-progress --format jsonl --server "$server" "$path" > "$1/loop/$server.jsonl" \
            && code=0 || code=$?
        case $code in 0|1|3|4) ;; *) echo "exhunt scan $server: exit $code" >&2; exit 1 ;; esac
    done' loop "$DIR" "${SERVERS[@]}"
t_loop=$WALL c_loop=$CPU l_loop=$LOAD
echo "exhunt scan, a loop of $COUNT processes:    $t_loop s wall, $c_loop CPU-s (load $l_loop)"

scan_args() { for line in "$@"; do IFS=, read -r server path org <<< "$line"; printf '%s\n' --server "$server" "$path"; done; }
mapfile -t args < <(scan_args "${SERVERS[@]}")
timed '0 1 3 4' java -jar cli/target/exhunt.jar scan --no-progress --format jsonl -o "$DIR/one.jsonl" "${args[@]}"
t_one=$WALL c_one=$CPU l_one=$LOAD
echo "exhunt scan, one process of $COUNT servers: $t_one s wall, $c_one CPU-s (load $l_one)"
check "$DIR/one.jsonl"
mapfile -t args < <(scan_args "${SERVERS[0]}")
timed '0 1 3 4' java -jar cli/target/exhunt.jar scan --no-progress --format jsonl -o "$DIR/one-1.jsonl" "${args[@]}"
t_one1=$WALL c_one1=$CPU l_one1=$LOAD
echo "exhunt scan, one process of 1 server:    $t_one1 s wall, $c_one1 CPU-s (load $l_one1)"

# the launcher builds its jar when a source is newer: never inside a timed run
./exhunt-spark --help > /dev/null
# spark MASTER MANIFEST NAME: exhunt-spark over MANIFEST into DIR/NAME
spark() {
    rm -rf "${DIR:?}/$3"
    timed 0 ./exhunt-spark --manifest "$2" --out "$DIR/$3" --run bench --master "$1" --progress-seconds 600 \
        2> "$DIR/$3.log" > /dev/null
}
spark 'local[1]' "$DIR/manifest.csv" out-local1
t_s1=$WALL c_s1=$CPU l_s1=$LOAD
echo "exhunt-spark local[1], $COUNT servers:      $t_s1 s wall, $c_s1 CPU-s (load $l_s1)"
check "$DIR/out-local1/reports/run=bench/estate.jsonl"
spark 'local[2]' "$DIR/manifest.csv" out-local2
t_s2=$WALL c_s2=$CPU l_s2=$LOAD
echo "exhunt-spark local[2], $COUNT servers:      $t_s2 s wall, $c_s2 CPU-s (load $l_s2)"
check "$DIR/out-local2/reports/run=bench/estate.jsonl"
spark 'local[1]' "$DIR/manifest-1.csv" out-local1-one
t_s11=$WALL c_s11=$CPU l_s11=$LOAD
echo "exhunt-spark local[1], 1 server:         $t_s11 s wall, $c_s11 CPU-s (load $l_s11)"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"

awk -v n="$COUNT" -v loop="$t_loop" -v one="$t_one" -v one1="$t_one1" -v s1="$t_s1" -v s2="$t_s2" -v s11="$t_s11" \
    -v cloop="$c_loop" -v cone="$c_one" -v cone1="$c_one1" -v cs1="$c_s1" -v cs2="$c_s2" -v cs11="$c_s11" 'BEGIN {
    printf "per server, all in (wall): loop %.2f s, one exhunt scan %.2f s, local[1] %.2f s, local[2] %.2f s\n", loop/n, one/n, s1/n, s2/n
    printf "per server, all in (CPU):  loop %.2f s, one exhunt scan %.2f s, local[1] %.2f s, local[2] %.2f s\n", cloop/n, cone/n, cs1/n, cs2/n
    printf "speed-up (wall): local[2] over local[1] %.2f; local[2] over the loop %.2f; over one exhunt scan %.2f\n", s1/s2, loop/s2, one/s2
    printf "fixed cost of a run (one server): exhunt scan %.1f s wall, %.1f CPU-s; exhunt-spark local[1] %.1f s wall, %.1f CPU-s\n", one1, cone1, s11, cs11
    cli = (one - one1) / (n - 1); sp = (s1 - s11) / (n - 1)
    ccli = (cone - cone1) / (n - 1); csp = (cs1 - cs11) / (n - 1)
    printf "each further server: exhunt scan %.3f s wall, %.3f CPU-s; exhunt-spark local[1] %.3f s wall, %.3f CPU-s\n", cli, ccli, sp, csp
    printf "Spark overhead a server: %.3f s wall, %.3f CPU-s\n", sp - cli, csp - ccli
    # 10,000 servers on 50 executors of C cores: the fixed cost once (executors start and compile the rules in
    # parallel), then each core takes 10,000 / (50 C) servers at the CPU-seconds each took in local[1] (a task uses one core);
    # for real 1 GB server images, the work of exhunt scan is taken from docs/benchmarks.md (issue 11: about 24 CPU-s)
    # plus the Spark overhead measured here
    for (c = 1; c <= 4; c *= 4) {
        per = 10000 / (50 * c)
        printf "paper estimate, 10,000 servers on 50 executors of %d core(s): these images %.0f s; 1 GB images %.0f min\n", \
            c, s11 + per * csp, (s11 + per * (csp - ccli + 24)) / 60
    }
}'
