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

jar_of() {   # a jar as given, or the jar built from a commit in a scratch copy
    if [ -f "$1" ]; then echo "$1"; return; fi
    local src="$work/build-$1"
    mkdir -p "$src"
    git archive "$1" | tar -x -C "$src"
    (cd "$src" && ./mvnw -B -q package -DskipTests -pl cli -am >&2)
    echo "$src/cli/target/exhunt.jar"
}

before=$(jar_of "$1")
if [ -n "${2:-}" ]; then
    after=$(jar_of "$2")
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
for check in "check-sigmahq:rules check $corpus/sigma/sigmahq" \
             "check-mutants:rules check $work/mutants" \
             "sigma-sigmahq:sigma -r $corpus/sigma/sigmahq $events" \
             "sigma-mutants:sigma -r $work/mutants $events"; do
    name=${check%%:*}
    read -r -a args <<< "${check#*:}"
    run "$name.before" "$before" "${args[@]}"
    run "$name.after" "$after" "${args[@]}"
    lines=$(cat "$work/$name.before.out" "$work/$name.before.err" | wc -l)
    if diff -u "$work/$name.before.out" "$work/$name.after.out" && diff -u "$work/$name.before.err" "$work/$name.after.err"; then
        echo "$name: same ($lines lines, $(tail -1 "$work/$name.before.out"))"
    else
        echo "$name: DIFFERENT" >&2
        failed=1
    fi
done

if java -jar "$after" rules compile --help > /dev/null 2>&1; then
    java -jar "$after" rules compile -o "$work/sigmahq.compiled" "$corpus/sigma/sigmahq" > /dev/null || true
    java -jar "$after" rules compile -o "$work/mutants.compiled" "$work/mutants" > /dev/null || true
    for check in "check-sigmahq:rules check --compiled-rules $work/sigmahq.compiled $corpus/sigma/sigmahq" \
                 "check-mutants:rules check --compiled-rules $work/mutants.compiled $work/mutants" \
                 "sigma-sigmahq:sigma --compiled-rules $work/sigmahq.compiled -r $corpus/sigma/sigmahq $events" \
                 "sigma-mutants:sigma --compiled-rules $work/mutants.compiled -r $work/mutants $events"; do
        name=${check%%:*}
        read -r -a args <<< "${check#*:}"
        run "$name.compiled" "$after" "${args[@]}"
        if diff -u "$work/$name.before.out" "$work/$name.compiled.out" && diff -u "$work/$name.before.err" "$work/$name.compiled.err"; then
            echo "$name from compiled rules: same"
        else
            echo "$name from compiled rules: DIFFERENT" >&2
            failed=1
        fi
    done
fi
exit $failed
