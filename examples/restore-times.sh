#!/usr/bin/env bash
# Gives the files of the example images the times their stories have: git keeps no file times, so on a checkout
# every file looks written the day of the checkout, and a scan's timeline would end that day. Each
# examples/NAME.times lists 'TIME<TAB>PATH' for the files of examples/NAME (written by the test kit with the image).
# Only files listed there, inside examples/NAME, are touched; an image whose files are all no newer than its newest
# listed time is left alone, so running it again costs one 'find' per image. The exhunt launcher runs it.
set -euo pipefail
examples=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
for list in "$examples"/*.times; do
    [ -f "$list" ] || continue
    image=${list%.times}
    [ -d "$image" ] || continue
    newest=$(grep -v '^#' "$list" | cut -f1 | sort | tail -n 1)
    [ -n "$newest" ] || continue
    # ISO times sort as text; a file newer than the newest listed time was checked out (or changed) since
    [ -n "$(find "$image" -type f -newermt "$newest" -print -quit)" ] || continue
    while IFS=$'\t' read -r time path; do
        case "$time" in '' | '#'*) continue ;; esac
        case "/$path/" in */../* | //*) continue ;; esac   # never outside the image
        [ -f "$image/$path" ] && [ ! -L "$image/$path" ] && touch -c -d "$time" -- "$image/$path"
    done < "$list"
done
