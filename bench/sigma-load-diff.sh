#!/usr/bin/env bash
# Differential check of Sigma loading (issue 24): two builds of exhunt must load rule sets exactly alike. Runs
# both on SigmaHQ's rule set and on a broken copy of it (bench/sigma-mutants.py: every file with one mutation, so
# thousands of load problems with file:line, inactive, unrouted and duplicate rules), with `exhunt rules check`
# and with `exhunt sigma` over SigmaHQ's regression events, and compares standard output, standard error and exit
# codes; then the same with the AFTER build taking the rules from compiled rules (`rules compile`,
# `--compiled-rules`) when it has them. Not a test (it needs two builds): run it by hand when the loader changes.
# Usage: bench/sigma-load-diff.sh BEFORE [AFTER]   (a jar, or a git commit to build; AFTER defaults to this
# checkout's jar, rebuilt; needs ../shared/corpus or $EXHUNT_CORPUS)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$(cd "${EXHUNT_CORPUS:-../shared/corpus}" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source bench/build-jar.sh

before=$(jar_of "$1" "$work")
if [ -n "${2:-}" ]; then
    after=$(jar_of "$2" "$work")
else
    ./mvnw -B -q package -DskipTests -pl cli -am
    after=cli/target/exhunt.jar
fi

python3 bench/sigma-mutants.py "$corpus/sigma/sigmahq" "$work/mutants"
events="$corpus/sigma/regression/regression_data"

run() {   # run NAME JAR ARGS...: output, errors and exit code of one command into $work/NAME
    local name=$1 jar=$2
    shift 2
    local code=0
    java -jar "$jar" "$@" > "$work/$name.out" 2> "$work/$name.err" || code=$?
    echo "exit code $code" >> "$work/$name.out"
}

failed=0
same() {   # same NAME VARIANT LABEL: whether NAME.VARIANT printed what NAME.before did
    local name=$1 variant=$2 label=$3
    if diff -u "$work/$name.before.out" "$work/$name.$variant.out" && diff -u "$work/$name.before.err" "$work/$name.$variant.err"; then
        echo "$label: same ($(cat "$work/$name.before.out" "$work/$name.before.err" | wc -l) lines, $(tail -1 "$work/$name.before.out"))"
    else
        echo "$label: DIFFERENT" >&2
        failed=1
    fi
}

checks=("check-sigmahq:rules check COMPILED $corpus/sigma/sigmahq" "check-mutants:rules check COMPILED $work/mutants"
        "sigma-sigmahq:sigma COMPILED -r $corpus/sigma/sigmahq $events" "sigma-mutants:sigma COMPILED -r $work/mutants $events")
arguments() {   # arguments CHECK [OPTION]: name and args of a check, COMPILED replaced by OPTION or dropped
    name=${1%%:*}
    read -r -a words <<< "${1#*:}"
    args=()
    for w in "${words[@]}"; do
        if [ "$w" != COMPILED ]; then args+=("$w"); elif [ -n "${2:-}" ]; then args+=("$2"); fi
    done
}
for check in "${checks[@]}"; do
    arguments "$check"
    run "$name.before" "$before" "${args[@]}"
    run "$name.after" "$after" "${args[@]}"
    same "$name" after "$name"
done

# the same from compiled rules, when the AFTER build has them
if java -jar "$after" rules compile --help > /dev/null 2>&1; then
    java -jar "$after" rules compile -o "$work/check-sigmahq.compiled" "$corpus/sigma/sigmahq" > /dev/null || true
    java -jar "$after" rules compile -o "$work/check-mutants.compiled" "$work/mutants" > /dev/null || true
    for check in "${checks[@]}"; do
        source=${check%%:*}
        arguments "$check" "--compiled-rules=$work/check-${source#*-}.compiled"   # sigma-mutants: check-mutants.compiled
        run "$name.compiled" "$after" "${args[@]}"
        same "$name" compiled "$name from compiled rules"
    done
fi
exit $failed
