#!/usr/bin/env bash
# Detection figures of the rule pack (issue 12, docs/benchmarks.md): the share of the corpus's web shells and
# of its benign web pages that `exhunt scan` flags, with the rule pack alone and with signature-base added
# through --yara. Each corpus folder is copied under inetpub\wwwroot\corpus of a synthetic server image (a web
# folder, not a web-shell location: flags come from content and indicator rules, not from placement), scanned
# with --format jsonl; a file counts as flagged when a yara or ioc finding names it. yara 4.2.3 with
# signature-base alone is the reference line.
# Not a test: run it by hand. Settings: CORPUS (default ../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=$(cd "${CORPUS:-../shared/corpus}" && pwd)
SIGBASE=$CORPUS/yara-rules/signature-base/yara
./mvnw -B -q package -DskipTests -pl cli -am
JAR=$PWD/cli/target/exhunt.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# jsonl report [extension regex] -> distinct files named by yara/ioc findings that count as evidence (context
# findings, such as a common shell name outside the web-shell folders, do not)
flagged() {
    jq -r 'select(.type=="finding" and (.detector=="yara" or .detector=="ioc")
                  and ((.tags | index("exhunt.stage.context")) | not)) | .source.file' "$1" \
        | { grep -iE "${2:-.}" || true; } | sort -u | wc -l
}

printf '%-10s %7s  %-22s %-30s %s\n' set files "pack alone" "pack + signature-base (--yara)" "yara 4.2.3 + signature-base"
for set in webshells benign; do
    image=$WORK/$set
    mkdir -p "$image/inetpub/wwwroot"
    cp -r "$CORPUS/$set" "$image/inetpub/wwwroot/corpus"
    find "$image/inetpub/wwwroot/corpus" -name PROVENANCE.txt -delete
    total=$(find "$image/inetpub/wwwroot/corpus" -type f | wc -l)
    java -jar "$JAR" scan --no-progress --format jsonl -o "$WORK/$set-pack.jsonl" "$image" || true
    java -jar "$JAR" scan --no-progress --format jsonl -o "$WORK/$set-sb.jsonl" --yara "$SIGBASE" "$image" || true
    ref=$(yara -w -r -p 2 -d filename= -d filepath= -d extension= -d filetype= -d owner= \
            $(find "$SIGBASE" -maxdepth 1 -type f | sort) "$image/inetpub/wwwroot/corpus" 2>/dev/null \
          | cut -d' ' -f2- | sort -u | wc -l)
    pack=$(flagged "$WORK/$set-pack.jsonl")
    sb=$(flagged "$WORK/$set-sb.jsonl")
    pct() { awk -v a="$1" -v b="$total" 'BEGIN { printf "%d (%.1f%%)", a, 100 * a / b }'; }
    printf '%-10s %7d  %-22s %-30s %s\n' "$set" "$total" "$(pct "$pack")" "$(pct "$sb")" "$(pct "$ref")"
    if [ "$set" = webshells ]; then
        # the pack is written for the ASP.NET shells of the Exchange intrusions: their share on their own
        aspx='\.(aspx|ashx|asmx)$'
        total_aspx=$(find "$image/inetpub/wwwroot/corpus" -type f | grep -ciE "$aspx")
        awk -v a="$(flagged "$WORK/$set-pack.jsonl" "$aspx")" -v b="$(flagged "$WORK/$set-sb.jsonl" "$aspx")" -v t="$total_aspx" \
            'BEGIN { printf "%-10s %7d  %d (%.1f%%)%-14s %d (%.1f%%)\n", "  ASP.NET", t, a, 100*a/t, "", b, 100*b/t }'
    fi
    echo "  flagged by rule (pack alone):"
    jq -r 'select(.type=="finding" and (.detector=="yara" or .detector=="ioc")
                  and ((.tags | index("exhunt.stage.context")) | not)) | .rule_id' "$WORK/$set-pack.jsonl" \
        | sort | uniq -c | sort -rn | head -12 || true
done
