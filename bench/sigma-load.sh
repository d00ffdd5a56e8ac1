#!/usr/bin/env bash
# Loading SigmaHQ (issue 24; docs/benchmarks.md): wall time, CPU time (user + system) and peak RSS of
# `exhunt rules check <SigmaHQ>` and of `exhunt scan` of a small image with and without `--sigma <SigmaHQ>`, for a
# BEFORE build and this checkout, this one also from SigmaHQ's compiled rules (`rules compile`, `--compiled-rules`).
# Each command runs RUNS times through its build's own launcher (cli/src/dist/exhunt: its JVM options for each
# command, unless EXHUNT_JAVA_OPTS is set, even empty). Prints the table docs/benchmarks.md shows: medians, the
# largest peak RSS, the 1-minute load average before the runs (lowest-highest); each run goes to stderr. Not a
# test: run it by hand; QUIET=1 waits (up to 2 minutes a run) for a load average below 0.5.
# Usage: bench/sigma-load.sh [RUNS [IMAGE]]   (defaults 5 and examples/clean; BEFORE=commit or jar, default main;
# needs ../shared/corpus or $EXHUNT_CORPUS)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$(cd "${EXHUNT_CORPUS:-../shared/corpus}" && pwd)"
sigmahq="$corpus/sigma/sigmahq"
runs=${1:-5}
image=${2:-examples/clean}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source bench/build-jar.sh

release() {   # release DIR JAR LAUNCHER: a release layout, launcher and jar side by side
    mkdir -p "$1"
    cp "$3" "$1/exhunt"
    ln -s "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")" "$1/exhunt.jar"
}
before_ref=${BEFORE:-main}
before_jar=$(jar_of "$before_ref" "$work")
before_launcher="$(dirname "$before_jar")/../src/dist/exhunt"
[ -f "$before_launcher" ] || before_launcher=cli/src/dist/exhunt   # a jar given without its checkout
release "$work/before" "$before_jar" "$before_launcher"
./mvnw -B -q package -DskipTests -pl cli -am
release "$work/after" cli/target/exhunt.jar cli/src/dist/exhunt
after_name="$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo +changes)"
before_name=$before_ref
[ -f "$before_ref" ] || before_name="$before_ref $(git rev-parse --short "$before_ref")"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

measure() {   # measure LABEL BUILD ARGS...: RUNS runs, one table row
    local label=$1 build=$2
    shift 2
    local name=$before_name
    [ "$build" = after ] && name=$after_name
    : > "$work/runs"
    for _ in $(seq "$runs"); do
        if [ -n "${QUIET:-}" ]; then
            for _ in $(seq 24); do
                [ "$(echo "$(cut -d' ' -f1 /proc/loadavg) < 0.5" | bc)" = 1 ] && break
                sleep 5
            done
        fi
        local load
        load=$(cut -d' ' -f1 /proc/loadavg)
        /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$work/$build/exhunt" "$@" > /dev/null 2>&1 || true
        read -r wall user sys rss < <(tail -1 "$work/time")
        echo "$wall $(echo "$user + $sys" | bc) $((rss / 1024)) $load" >> "$work/runs"
        echo "$label, $name: wall $wall s, CPU $(echo "$user + $sys" | bc) s, peak RSS $((rss / 1024)) MB, load $load" >&2
    done
    printf "| %s | %s | %.2f | %.2f | %d | %s-%s |\n" "$label" "$name" \
        "$(cut -d' ' -f1 "$work/runs" | median)" "$(cut -d' ' -f2 "$work/runs" | median)" \
        "$(cut -d' ' -f3 "$work/runs" | sort -n | tail -1)" \
        "$(cut -d' ' -f4 "$work/runs" | sort -n | head -1)" "$(cut -d' ' -f4 "$work/runs" | sort -n | tail -1)"
}

echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $runs runs each, image $image, $(date -u +%Y-%m-%d)"
echo
echo "| command | build | wall (s) | CPU (s) | peak RSS (MB) | load avg |"
echo "|---|---|---:|---:|---:|---|"
for build in before after; do
    measure "rules check SigmaHQ" "$build" rules check "$sigmahq"
done
if "$work/after/exhunt" rules compile -o "$work/sigmahq.compiled" "$sigmahq" > /dev/null 2>&1; then
    measure "rules check SigmaHQ, compiled" after rules check --compiled-rules "$work/sigmahq.compiled" "$sigmahq"
fi
for build in before after; do
    measure "scan" "$build" scan --no-progress "$image"
    measure "scan --sigma SigmaHQ" "$build" scan --no-progress --sigma "$sigmahq" "$image"
done
if [ -f "$work/sigmahq.compiled" ]; then
    measure "scan --sigma SigmaHQ, compiled" after scan --no-progress --sigma "$sigmahq" \
        --compiled-rules "$work/sigmahq.compiled" "$image"
fi
