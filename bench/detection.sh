#!/usr/bin/env bash
# Detection figures of the default scan (issues 12 and 19, docs/benchmarks.md), in one command: the share of the shared
# corpus's web shells and benign web pages that `exhunt scan` flags, before (BEFORE, default main) and after (this
# checkout), next to yara 4.2.3 with signature-base; then the false positives on the example images where no row is
# COMPROMISED (clean, attempts only, logs that cannot clear), which must be 0.
# Each corpus folder is copied under inetpub\wwwroot\corpus of a synthetic server image (a web folder, not a web-shell
# location: flags come from content, not from placement) and scanned with --format jsonl. A file counts as flagged by a
# column when a finding of that column names it and is not context (a common shell name outside the web-shell folders
# is context, not a flag). Columns: the default scan's YARA set before and after; the check of server-side code in
# pages (exhunt.file.shell-code-in-page, after); every file check of the default scan (YARA, indicators, pages and
# places: detectors yara, ioc and file), after; yara 4.2.3 with signature-base's rules alone on the same folder (the
# external variables signature-base expects defined empty). Rows: every file, the ASP.NET files (.aspx, .ashx, .asmx;
# for the benign pages also .asax, .ascx, .master, .config) and classic ASP (.asp).
# Not a test: run it by hand; needs jq and yara 4.2.3. Settings: CORPUS (default ../shared/corpus); BEFORE (a git
# revision, default main) or BEFORE_JAR (a built exhunt.jar); AFTER_JAR (default: build this checkout's).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=$(cd "${CORPUS:-../shared/corpus}" && pwd)
SIGBASE=$CORPUS/yara-rules/signature-base/yara
PAGE_RULE=exhunt.file.shell-code-in-page
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ -z "${AFTER_JAR:-}" ]; then
    ./mvnw -B -q package -DskipTests -pl cli -am
    AFTER_JAR=$PWD/cli/target/exhunt.jar
fi
BEFORE_JAR_GIVEN=${BEFORE_JAR:-}
if [ -z "${BEFORE_JAR:-}" ]; then
    # a clean copy of the revision, built beside this one (package only: nothing is installed into ~/.m2)
    mkdir "$WORK/before-src"
    git archive "${BEFORE:-main}" | tar -x -C "$WORK/before-src"
    (cd "$WORK/before-src" && ./mvnw -B -q package -DskipTests -pl cli -am)
    BEFORE_JAR=$WORK/before-src/cli/target/exhunt.jar
fi
echo "== $(date -u +%F) load $(cut -d' ' -f1-3 /proc/loadavg); corpus $CORPUS"
echo "   before: ${BEFORE_JAR_GIVEN:-${BEFORE:-main}} $(java -jar "$BEFORE_JAR" --version | sed -n 2p)"
echo "   after:  $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes') $(java -jar "$AFTER_JAR" --version | sed -n 2p)"

# jsonl report, jq condition on a finding, files regex -> distinct files named by such findings that are not context
flagged() {
    jq -r "select(.type==\"finding\" and .stage != \"context\" and ($2)) | .source.file" "$1" \
        | { grep -iE "$3" || true; } | sort -u | wc -l
}
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%d (%.1f%%)", a, 100 * a / b }'; }
YARA='.detector=="yara"'
PAGES=".rule_id==\"$PAGE_RULE\""
FILES='.detector=="yara" or .detector=="ioc" or .detector=="file"'

printf '%-22s %6s  %-15s %-15s %-15s %-15s %s\n' corpus files "YARA before" "YARA after" "page code" "all file checks" "yara+sig-base"
for set in webshells benign; do
    image=$WORK/$set
    mkdir -p "$image/inetpub/wwwroot"
    cp -r "$CORPUS/$set" "$image/inetpub/wwwroot/corpus"
    find "$image/inetpub/wwwroot/corpus" -name PROVENANCE.txt -delete
    java -jar "$BEFORE_JAR" scan --no-progress --format jsonl -o "$WORK/$set-before.jsonl" "$image" || true
    java -jar "$AFTER_JAR" scan --no-progress --format jsonl -o "$WORK/$set-after.jsonl" "$image" || true
    yara -w -r -p 2 -d filename= -d filepath= -d extension= -d filetype= -d owner= \
            $(find "$SIGBASE" -maxdepth 1 -type f | sort) "$image/inetpub/wwwroot/corpus" 2>/dev/null \
        | cut -d' ' -f2- | sort -u > "$WORK/$set-yara.txt"
    aspnet='\.(aspx|ashx|asmx)$'
    [ "$set" = benign ] && aspnet='\.(aspx|ashx|asmx|asax|ascx|master|config)$'
    for row in "all:." "ASP.NET:$aspnet" "classic ASP:\\.asp$"; do
        name=${row%%:*} files=${row#*:}
        total=$(find "$image/inetpub/wwwroot/corpus" -type f | grep -ciE "$files" || true)
        [ "$total" -eq 0 ] && continue
        printf '%-22s %6d  %-15s %-15s %-15s %-15s %s\n' "$set, $name" "$total" \
            "$(pct "$(flagged "$WORK/$set-before.jsonl" "$YARA" "$files")" "$total")" \
            "$(pct "$(flagged "$WORK/$set-after.jsonl" "$YARA" "$files")" "$total")" \
            "$(pct "$(flagged "$WORK/$set-after.jsonl" "$PAGES" "$files")" "$total")" \
            "$(pct "$(flagged "$WORK/$set-after.jsonl" "$FILES" "$files")" "$total")" \
            "$(pct "$({ grep -iE "$files" "$WORK/$set-yara.txt" || true; } | wc -l)" "$total")"
    done
    echo "  flagged by rule (after):"
    jq -r "select(.type==\"finding\" and .stage != \"context\" and ($FILES)) | .rule_id" "$WORK/$set-after.jsonl" \
        | sort | uniq -c | sort -rn | head -"${TOP:-15}" || true
    if [ "$set" = benign ]; then
        echo "  benign files flagged (after):"
        jq -r "select(.type==\"finding\" and .stage != \"context\" and ($FILES)) | \"    \" + .rule_id + \" \" + .source.file" \
                "$WORK/$set-after.jsonl" | sed "s|$image/||" | sort -u || true
    fi
done

echo "example images where no row is COMPROMISED: files flagged by findings that are not context, after"
printf '  %-24s %6s  %-6s %-10s %s\n' image files YARA "page code" "all file checks"
for expected in examples/*.expected.json; do
    jq -e '[.verdicts[].compromise[]] | index("COMPROMISED") | not' "$expected" > /dev/null || continue
    image=${expected%.expected.json}
    report=$WORK/$(basename "$image").jsonl
    java -jar "$AFTER_JAR" scan --no-progress --format jsonl -o "$report" "$image" > /dev/null || true
    printf '  %-24s %6d  %-6d %-10d %d\n' "$(basename "$image")" "$(find "$image" -type f | wc -l)" \
        "$(flagged "$report" "$YARA" .)" "$(flagged "$report" "$PAGES" .)" "$(flagged "$report" "$FILES" .)"
done
