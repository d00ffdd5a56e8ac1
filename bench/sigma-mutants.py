#!/usr/bin/env python3
"""Writes a broken copy of a Sigma rule folder, for bench/sigma-load-diff.sh: every rule file once, each with one
deterministic mutation (truncated, a line dropped or doubled, a modifier, condition, log source or regular
expression changed, indentation or encoding broken, a second document appended...), so that two builds of exhunt
can be compared on thousands of load problems and on rules that load differently, not only on rules that load.

Usage: sigma-mutants.py SOURCE_DIR OUT_DIR
"""
import os
import random
import re
import sys

MODIFIERS = ["contains", "startswith", "endswith", "re", "all", "windash", "base64offset|contains", "base64",
             "cidr", "gt", "lte", "exists", "re|i", "re|m|s", "i", "expand", "fieldref", "utf16le|base64",
             "wide|base64offset|contains", "cased", "neq", "containz", "minute", "contains|all|windash", "",
             "contains|re", "endswith|windash"]
CONDITIONS = ["selection and", "not", "(selection", "all of them", "1 of selection*", "3 of selection*",
              "selection or not (filter)", "((((selection))))", "selection | count() > 5", "1 of them and not 1 of filter*",
              "sel and not sel", "all of selection* and not 1 of filter_*", "selection and )", "them", "2 of them",
              "selection and not filter_main or filter_optional", "not not selection", "selection and nonexistent"]
VALUES = ["'a{2,3}(b'", "'(?i)^[a-z]+\\\\\\\\x$'", "'*'", "'?'", "null", "''", "123", "0x17", "true", "[]",
          "{a: b}", "'\\\\*literal\\\\*'", "'%Administrators%'", "'10.0.0.0/8'", "'(?P<n>x)\\\\1'", "'a(?=b)'",
          "[x, [y]]", "'&a x'", "*undefined", "'\\u0436\\u0416'"]
CATEGORIES = ["process_creation", "webserver", "file_event", "registry_set", "file", "no_such_category", "dns_query"]


def mutate(lines, r, kind):
    n = len(lines)
    k = r.randrange(n) if n else 0
    if kind == 0:   # truncated
        return lines[:k]
    if kind == 1:   # a line dropped
        return lines[:k] + lines[k + 1:]
    if kind == 2:   # a line doubled (duplicate keys, mostly)
        return lines[:k + 1] + lines[k:]
    if kind == 3:   # a modifier changed
        keyed = [i for i, l in enumerate(lines) if re.match(r"^\s+[-\s]*[\w.-]*\|[\w|]+:", l)]
        if keyed:
            i = r.choice(keyed)
            lines[i] = re.sub(r"\|[\w|]+:", "|" + r.choice(MODIFIERS) + ":", lines[i], count=1)
        return lines
    if kind == 4:   # a condition changed
        for i, l in enumerate(lines):
            if re.match(r"^\s+condition:", l):
                lines[i] = l[:l.index("condition:")] + "condition: " + r.choice(CONDITIONS)
        return lines
    if kind == 5:   # a tab at the start of a line
        return lines[:k] + ["\t" + (lines[k] if n else "")] + lines[k + 1:]
    if kind == 6:   # indentation off by two
        if n:
            lines[k] = ("  " + lines[k]) if r.random() < 0.5 else lines[k][2:]
        return lines
    if kind == 7:   # a value replaced
        valued = [i for i, l in enumerate(lines) if re.match(r"^\s+(- )?['\w]", l) and "condition" not in l]
        if valued:
            i = r.choice(valued)
            l = lines[i]
            if re.match(r"^\s+- ", l):
                lines[i] = l[:l.index("- ") + 2] + r.choice(VALUES)
            elif ":" in l:
                lines[i] = l[:l.index(":") + 1] + " " + r.choice(VALUES)
        return lines
    if kind == 8:   # the file twice: a second document (duplicate id)
        return lines + ["---"] + lines
    if kind == 9:   # another log source
        for i, l in enumerate(lines):
            if re.match(r"^\s+category:", l):
                lines[i] = l[:l.index("category:")] + "category: " + r.choice(CATEGORIES)
        return lines
    if kind == 10:  # a Sigma 1.x collection
        return ["action: global"] + lines
    if kind == 11:  # a required key lost
        key = r.choice(["title:", "logsource:", "detection:", "level:", "id:"])
        return [l for l in lines if not l.startswith(key)]
    if kind == 12:  # a deep or long structure added to the detection
        for i, l in enumerate(lines):
            if re.match(r"^\s+condition:", l):
                depth = r.choice([10, 60, 70])
                lines.insert(i, l[:l.index("condition:")] + "deep: " + "[" * depth + "x" + "]" * depth)
                break
        return lines
    if kind == 13:  # a level or status changed
        for i, l in enumerate(lines):
            if l.startswith("level:"):
                lines[i] = "level: " + r.choice(["severe", "informational", "critical", "", "[high]"])
        return lines
    if kind == 14:  # anchors and aliases
        return lines + ["x-anchor: &anchor {a: [1, 2]}", "x-alias: *anchor", "x-undefined: *nothing" if r.random() < 0.3 else "x-ok: 1"]
    return lines


def main():
    src, out = sys.argv[1], sys.argv[2]
    files = []
    for root, _, names in os.walk(src):
        files += [os.path.join(root, f) for f in names if f.endswith((".yml", ".yaml"))]
    files.sort()
    for index, path in enumerate(files):
        rel = os.path.relpath(path, src)
        r = random.Random(rel)
        target = os.path.join(out, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        kind = index % 16
        if kind == 15:   # not UTF-8
            data = open(path, "rb").read()
            with open(target, "wb") as f:
                f.write(data[:r.randrange(len(data))] + b"\xff\xfe" + data[len(data) // 2:])
            continue
        text = open(path, encoding="utf-8").read()
        lines = mutate(text.split("\n"), r, kind)
        with open(target, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))


if __name__ == "__main__":
    main()
