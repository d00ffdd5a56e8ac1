#!/usr/bin/env bash
# Scan benchmark (issue 11; docs/benchmarks.md): `exhunt scan` (the release jar) over a realistic Exchange server image
# of about FILES files and LOG_MB megabytes of logs, with the full rule pack, on CORES cores. The image (an Exchange
# 2016 CU19 install with generated web content, IIS, HttpProxy, ECP, OAB generator and event logs, a ProxyLogon and a
# ProxyShell intrusion planted across them: the test kit's LargeScenarios.twoIntrusions written by its ImageBuilder,
# through bench class org.exhunt.bench.hunt.ServerImage) is written once into BENCH_DIR and kept. One untimed scan
# warms the page cache, then RUNS scans are timed with GNU time (wall clock, CPU, peak RSS of the scan's JVM); every
# scan's report and exit code are checked (ReportCheck: the test kit's ScanCheck, the one check of every image, against
# the verdicts, exit code, findings and their stages, and timelines its oracle expects of the scenario, no finding anywhere
# else; then the log files read, from the report's facts line), so a fast wrong scan fails.
# MODE=flood scans instead a server whose one IIS log of LOG_MB megabytes has a listed attacker address on every line
# (FloodImage): memory must stay bounded (give JAVA_OPTS=-Xmx512m to show it) and the findings not kept be counted
# (ReportCheck flood, from the report's facts line).
# BREAKDOWN=1 (image mode) then scans the image three more times, without the logs, without the web folders and without
# either (--exclude), to split the time between web content, logs and the fixed part (start, rules, listing, report).
# Image mode times a reference after each scan, on the same cores, so that the figure means the same on another machine:
# yara 4.2.3 (Debian `yara`) with the pack's YARA rules, compiled once, over the folders the scan examines as web content,
# and ripgrep (Debian `ripgrep`) searching the log folders for the pack's attacker addresses as fixed strings; it prints
# the scan's wall time over the two references' together (REFERENCE=0 leaves them out).
# Not a test: run it by hand on a quiet machine. Settings: MODE, FILES, LOG_MB, RUNS, CORES, JAVA_OPTS, BREAKDOWN,
# REFERENCE, BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${MODE:-image}
FILES=${FILES:-50000}
LOG_MB=${LOG_MB:-1024}
RUNS=${RUNS:-3}
CORES=${CORES:-2}
DIR=${BENCH_DIR:-/tmp/exhunt-bench}/hunt-$MODE

./mvnw -B -q package dependency:build-classpath -DskipTests -pl bench,cli -am -Dmdep.outputFile=target/classpath.txt
CP="bench/target/classes:$(cat bench/target/classpath.txt)"

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
# an image written by older generators is written again
if [ -n "$(find bench/src testkit/src -newer "$DIR/image.settings" -print -quit 2>/dev/null)" ]; then rm -f "$DIR/image.settings"; fi
if [ "$MODE" = flood ]; then
    if [ ! -f "$DIR/image.settings" ] || [ "$(cat "$DIR/image.settings")" != "$LOG_MB" ]; then
        rm -rf "$DIR" && java -cp "$CP" org.exhunt.bench.hunt.FloodImage "$DIR" "$LOG_MB" && echo "$LOG_MB" > "$DIR/image.settings"
    fi
    CHECK=(flood "$DIR/report.jsonl")
else
    java -cp "$CP" org.exhunt.bench.hunt.ServerImage "$DIR" "$FILES" "$LOG_MB"
    CHECK=(image "$DIR/report.jsonl" "$DIR")
fi

PIN=()
if [ "$(nproc)" -gt "$CORES" ]; then PIN=(taskset -c "0-$((CORES - 1))"); fi
scan() {
    rm -f "$DIR/report.jsonl"
    "${PIN[@]}" /usr/bin/time -v java ${JAVA_OPTS:-} -jar cli/target/exhunt.jar scan --no-progress \
        --format jsonl -o "$DIR/report.jsonl" "$@" "$DIR/drive" 2> "$DIR/time.txt" || echo "exit $?" > "$DIR/exit.txt"
}
field() { grep "$1" "$DIR/time.txt" | awk '{print $NF}'; }
cpu() { grep -E 'User time|System time' "$DIR/time.txt" | awk '{s += $NF} END {print s}'; }
seconds() { awk -F: '{s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s}' <<< "$1"; }

V15='Program Files/Microsoft/Exchange Server/V15'
REFERENCE=${REFERENCE:-$([ "$MODE" = image ] && echo 1 || echo 0)}
if [ "$REFERENCE" = 1 ]; then
    command -v yara > /dev/null && command -v rg > /dev/null || { echo "the reference needs yara and rg: apt-get install yara ripgrep"; exit 2; }
    yarac rules/yara/*.yar "$DIR/pack.yarc"
    grep -v '^#' rules/ioc/attacker-ips.csv | cut -d, -f1 | grep -v '^ip$' | grep . > "$DIR/attacker-ips.txt"
    WEB_DIRS=("$DIR/drive/inetpub/wwwroot" "$DIR/drive/$V15/FrontEnd/HttpProxy" "$DIR/drive/$V15/ClientAccess")
    LOG_DIRS=("$DIR/drive/$V15/Logging" "$DIR/drive/inetpub/logs" "$DIR/drive/Windows/System32/winevt/Logs")
fi
# the references, timed like the scan: yara over the web folders, then rg over the logs; prints "yara_s rg_s"
reference() {
    # yara takes one target: one run per folder, timed together
    "${PIN[@]}" /usr/bin/time -f %e -o "$DIR/yara.time" bash -c 'for d in "${@:3}"; do yara -C -r -p "$1" "$2" "$d"; done' \
        yara "$CORES" "$DIR/pack.yarc" "${WEB_DIRS[@]}" > "$DIR/yara.out"
    "${PIN[@]}" /usr/bin/time -f %e -o "$DIR/rg.time" rg -F -a -c --no-ignore --hidden -j "$CORES" -f "$DIR/attacker-ips.txt" \
        "${LOG_DIRS[@]}" > "$DIR/rg.out" || true
    echo "$(cat "$DIR/yara.time") $(cat "$DIR/rg.time")"
}

echo "== warm-up scan (page cache)"
scan
echo "== $RUNS timed scans on $CORES cores, JAVA_OPTS='${JAVA_OPTS:-}'"
for i in $(seq "$RUNS"); do
    rm -f "$DIR/exit.txt"
    load=$(cut -d' ' -f1 /proc/loadavg)
    scan
    code=$(cut -d' ' -f2 "$DIR/exit.txt" 2>/dev/null || echo 0)
    wall=$(field 'Elapsed (wall clock)')
    cpu=$(cpu)
    rss=$(field 'Maximum resident set size')
    printf 'run %d: wall %s, CPU %.1f s, peak RSS %d MiB, exit %s, load before %s\n' "$i" "$wall" "$cpu" $((rss / 1024)) "$code" "$load"
    [ -s "$DIR/report.jsonl" ] || { echo "expected a report"; cat "$DIR/time.txt"; exit 1; }
    java -cp "$CP" org.exhunt.bench.hunt.ReportCheck "${CHECK[@]}" "$code"
    if [ "$REFERENCE" = 1 ]; then
        read -r yara_s rg_s <<< "$(reference)"
        printf '  reference: yara %.1f s (%d files matched) + rg %.1f s (%d log files with an attacker address) = %.1f s;' \
            "$yara_s" "$(cut -d' ' -f2- "$DIR/yara.out" | sort -u | wc -l)" "$rg_s" "$(wc -l < "$DIR/rg.out")" \
            "$(echo "$yara_s + $rg_s" | bc)"
        printf ' exhunt scan / reference = %.2f\n' "$(echo "$(seconds "$wall") / ($yara_s + $rg_s)" | bc -l)"
    fi
done

if [ "${BREAKDOWN:-}" = 1 ] && [ "$MODE" = image ]; then
    WEB=(--exclude "$V15/ClientAccess/**" --exclude "$V15/FrontEnd/**" --exclude 'inetpub/wwwroot/**')
    LOGS=(--exclude "$V15/Logging/**" --exclude 'inetpub/logs/**' --exclude 'Windows/System32/winevt/**')
    echo "== breakdown (one scan each; the answer is not checked: parts of the evidence are left out)"
    scan "${LOGS[@]}"; printf 'web folders only (logs left out): wall %s, CPU %.1f s\n' "$(field 'Elapsed (wall clock)')" "$(cpu)"
    scan "${WEB[@]}"; printf 'logs only (web folders left out): wall %s, CPU %.1f s\n' "$(field 'Elapsed (wall clock)')" "$(cpu)"
    scan "${WEB[@]}" "${LOGS[@]}"; printf 'neither (start, rules, listing, exposure, report): wall %s, CPU %.1f s\n' \
        "$(field 'Elapsed (wall clock)')" "$(cpu)"
fi
