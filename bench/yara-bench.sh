#!/usr/bin/env bash
# YARA benchmark (docs/benchmarks.md): `exhunt yara -p 2` against `yara -p 2` (4.2.3), all signature-base rules
# with the five Loki externals, over the corpus's webshells/ and benign/, runs alternating in one session.
# Per tool and target, medians of RUNS runs:
#   compile  rules from source over an empty file (start-up and compilation)
#   total    rules from source over the target, -r (what a user runs)
#   scan     compiled rules (yarac / exhunt yara --compile) over the target, minus the same over an empty file
# plus peak RSS (/usr/bin/time -v), CPU time (user + sys) and exhunt/yara wall ratios; then the 1 MB file of
# repeated "<%%>". exhunt runs twice: with the JVM's defaults and with EXHUNT_TUNED_OPTS (serial GC, C1 only:
# less JIT and heap for runs of seconds). Outputs of both tools are compared once per target (sorted).
# Not a test: run it by hand, on a quiet machine for figures that mean something.
# Settings: RUNS (default 5), CORPUS (default ../shared/corpus), EXHUNT_TUNED_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
CORPUS=${CORPUS:-../shared/corpus}
TUNED=${EXHUNT_TUNED_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}
command -v yara >/dev/null && command -v yarac >/dev/null || { echo "needs yara and yarac (apt-get install yara)" >&2; exit 2; }

./mvnw -B -q package -DskipTests -pl cli -am
JAR=$PWD/cli/target/exhunt.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mapfile -t RULES < <(find "$CORPUS/yara-rules/signature-base/yara" -maxdepth 1 -type f | sort)
DEFS=(-d filename= -d filepath= -d extension= -d filetype= -d owner=)
: > "$WORK/empty"
python3 -c "open('$WORK/percent.txt','w').write('<%%>' * 262144)"

yarac "${DEFS[@]}" "${RULES[@]}" "$WORK/rules.yarc" 2>/dev/null
java -jar "$JAR" yara -w "${DEFS[@]}" --compile "$WORK/rules.exyarc" "${RULES[@]}"

# command TOOL MODE: sets CMD to the tool's command line, rules from source (src) or compiled (bin).
command_for() {
    case $1.$2 in
        yara.src) CMD=(yara -w -p 2 "${DEFS[@]}" "${RULES[@]}") ;;
        yara.bin) CMD=(yara -w -p 2 -C "$WORK/rules.yarc") ;;
        exhunt.src) CMD=(java $OPTS -jar "$JAR" yara -w -p 2 "${DEFS[@]}" "${RULES[@]}") ;;
        exhunt.bin) CMD=(java $OPTS -jar "$JAR" yara -w -p 2 -C "$WORK/rules.exyarc") ;;
    esac
}

# measure NAME TOOL MODE ARGS...: appends "wall cpu rss_kb" to $WORK/NAME
measure() {
    local name=$1
    command_for "$2" "$3"
    shift 3
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/t" "${CMD[@]}" "$@" > /dev/null 2>> "$WORK/stderr" || true
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$WORK/t" >> "$WORK/$name"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
col() { awk -v c="$2" '{ print $c }' "$WORK/$1" | median; }

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(yara --version | sed 's/^/yara /'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for target in webshells benign; do
    dir="$CORPUS/$target"
    OPTS=""
    command_for yara src; "${CMD[@]}" -s -r "$dir" 2>/dev/null | sort > "$WORK/yara.out"
    command_for exhunt src; "${CMD[@]}" -s -r "$dir" 2>/dev/null | sort > "$WORK/exhunt.out"
    if cmp -s "$WORK/yara.out" "$WORK/exhunt.out"; then
        echo "$target: -s outputs identical ($(wc -l < "$WORK/yara.out") lines)"
    else
        echo "$target: -s OUTPUTS DIFFER"
    fi
    for r in $(seq "$RUNS"); do
        # Alternate who goes first, so that a change in machine load does not favour one tool.
        order=(yara exhunt tuned); [ $((r % 2)) = 0 ] && order=(tuned exhunt yara)
        for who in "${order[@]}"; do
            case $who in
                yara) tool=yara; OPTS="" ;;
                exhunt) tool=exhunt; OPTS="" ;;
                tuned) tool=exhunt; OPTS="$TUNED" ;;
            esac
            measure "$target.$who.compile" "$tool" src "$WORK/empty"
            measure "$target.$who.total" "$tool" src -r "$dir"
            measure "$target.$who.load" "$tool" bin "$WORK/empty"
            measure "$target.$who.scanbin" "$tool" bin -r "$dir"
        done
    done
done
# The "<%%>" file must be scanned to its end by both, not cut short by a limit: same output (stdout and
# stderr, where a "too many matches" error would show) and the same exit code.
OPTS=""
for tool in yara exhunt; do
    command_for "$tool" src
    code=0; "${CMD[@]}" "$WORK/percent.txt" > "$WORK/$tool.pct" 2>&1 || code=$?
    echo "exit $code" >> "$WORK/$tool.pct"
done
if cmp -s "$WORK/yara.pct" "$WORK/exhunt.pct"; then
    echo "<%%>: outputs and exit codes identical ($(wc -l < "$WORK/yara.pct") lines)"
else
    echo "<%%>: OUTPUTS DIFFER"; diff "$WORK/yara.pct" "$WORK/exhunt.pct" | head -20
fi
for r in $(seq "$RUNS"); do
    for who in yara exhunt tuned; do
        case $who in yara) tool=yara; OPTS="" ;; exhunt) tool=exhunt; OPTS="" ;; tuned) tool=exhunt; OPTS="$TUNED" ;; esac
        measure "percent.$who" "$tool" src "$WORK/percent.txt"
    done
done

label() { case $1 in yara) echo "yara 4.2.3" ;; exhunt) echo "exhunt (JVM defaults)" ;; tuned) echo "exhunt ($TUNED)" ;; esac; }
echo
echo "Medians of $RUNS runs; wall and CPU (user + sys) in seconds, peak RSS in MB; ratio = exhunt wall / yara wall."
echo
echo "| target | tool | compile wall | total wall | total CPU | scan wall | total ratio | scan ratio | peak RSS |"
echo "|---|---|---|---|---|---|---|---|---|"
for target in webshells benign; do
    yt=$(col "$target.yara.total" 1)
    ys=$(echo "$(col "$target.yara.scanbin" 1) - $(col "$target.yara.load" 1)" | bc -l)
    for who in yara exhunt tuned; do
        c=$(col "$target.$who.compile" 1); t=$(col "$target.$who.total" 1); cpu=$(col "$target.$who.total" 2)
        s=$(echo "$(col "$target.$who.scanbin" 1) - $(col "$target.$who.load" 1)" | bc -l)
        rss=$(cat "$WORK/$target.$who".* | awk '{ print $3 }' | sort -n | tail -1)
        printf '| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %d |\n' "$target" "$(label $who)" "$c" "$t" "$cpu" "$s" \
            "$(echo "$t / $yt" | bc -l)" "$(echo "$s / $ys" | bc -l)" $((rss / 1024))
    done
done
echo
echo "| 1 MB of \"<%%>\" | wall | CPU | peak RSS |"
echo "|---|---|---|---|"
for who in yara exhunt tuned; do
    printf '| %s | %.2f | %.2f | %d |\n' "$(label $who)" "$(col "percent.$who" 1)" "$(col "percent.$who" 2)" \
        $(( $(awk '{ print $3 }' "$WORK/percent.$who" | sort -n | tail -1) / 1024 ))
done
