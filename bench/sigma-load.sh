#!/usr/bin/env bash
# Loading SigmaHQ (issue 24; docs/benchmarks.md): wall time, CPU time (user + system) and peak RSS of
# `exhunt rules check <SigmaHQ>`, and of `exhunt scan` of a small image with and without `--sigma <SigmaHQ>`, both
# also with SigmaHQ's compiled rules (`rules compile`, `--compiled-rules`) when the build has them, each run RUNS times through the release's launcher (cli/src/dist/exhunt: its JVM options for each command,
# unless EXHUNT_JAVA_OPTS is set, even empty), the load average before each run beside it. Not a test: run it by
# hand, on a quiet machine. Usage: bench/sigma-load.sh [RUNS [IMAGE]]   (defaults 5 and examples/clean; needs
# ../shared/corpus or $EXHUNT_CORPUS). JAR=path runs that jar instead of this checkout's (an older build).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$(cd "${EXHUNT_CORPUS:-../shared/corpus}" && pwd)"
sigmahq="$corpus/sigma/sigmahq"
runs=${1:-5}
image=${2:-examples/clean}
if [ -z "${JAR:-}" ]; then
    ./mvnw -B -q package -DskipTests -pl cli -am
    JAR=cli/target/exhunt.jar
fi
release=$(mktemp -d)
trap 'rm -rf "$release"' EXIT
cp cli/src/dist/exhunt "$release/exhunt"
ln -s "$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")" "$release/exhunt.jar"
exhunt=("$release/exhunt")
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD), jar $JAR${EXHUNT_JAVA_OPTS+, EXHUNT_JAVA_OPTS='$EXHUNT_JAVA_OPTS'}"

measure() {   # measure LABEL ARGS...: one line per run
    local label=$1
    shift
    for _ in $(seq "$runs"); do
        local load
        if [ -n "${QUIET:-}" ]; then
            for _ in $(seq 24); do
                [ "$(echo "$(cut -d' ' -f1 /proc/loadavg) < 0.5" | bc)" = 1 ] && break
                sleep 5
            done
        fi
        load=$(cut -d' ' -f1 /proc/loadavg)
        /usr/bin/time -f "%e %U %S %M" -o "$release/time" "${exhunt[@]}" "$@" > /dev/null 2>&1 || true
        read -r wall user sys rss < <(tail -1 "$release/time")
        printf "%-24s wall %6.2f s   CPU %6.2f s   peak RSS %5d MB   load before %s\n" \
            "$label" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) "$load"
    done
}

measure "rules check SigmaHQ" rules check "$sigmahq"
measure "scan" scan --no-progress "$image"
measure "scan --sigma SigmaHQ" scan --no-progress --sigma "$sigmahq" "$image"
if "${exhunt[@]}" rules compile -o "$release/sigmahq.compiled" "$sigmahq" > /dev/null 2>&1; then
    measure "rules check, compiled" rules check --compiled-rules "$release/sigmahq.compiled" "$sigmahq"
    measure "scan --sigma, compiled" scan --no-progress --sigma "$sigmahq" --compiled-rules "$release/sigmahq.compiled" "$image"
fi
