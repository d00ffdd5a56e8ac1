# Sourced by bench scripts that compare two builds: jar_of REF DIR prints the path of exhunt's jar for REF (a jar
# as given, or the jar built from a git commit in DIR/build-REF; the commit's own launcher is beside it there).
jar_of() {
    if [ -f "$1" ]; then echo "$1"; return; fi
    local src="$2/build-$1"
    mkdir -p "$src"
    git archive "$1" | tar -x -C "$src"
    (cd "$src" && ./mvnw -B -q package -DskipTests -pl cli -am >&2)
    echo "$src/cli/target/exhunt.jar"
}
