#!/usr/bin/env bash
# Rewrites the example images made by the test kit's image builder, and their <name>.expected.json files, from
# the scenarios in testkit's ExampleScenarios (examples/README.md). Deterministic: on an unchanged scenario the
# files come out byte for byte the same, which ExampleImagesRegenerationTest checks. The hand-made images
# (hafnium-webshell, clean) are not touched. Extra Maven options (e.g. -o) are passed on.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q "$@" package dependency:build-classpath -pl testkit -am -DskipTests -Dmdep.outputFile=target/classpath.txt
java -cp "testkit/target/classes:$(cat testkit/target/classpath.txt)" org.exhunt.testkit.image.WriteExamples \
    examples rules/kb/exchange-builds.csv
