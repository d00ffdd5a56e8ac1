package org.exhunt.sigma.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.exhunt.core.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link YamlTree} reads every document as the YAML library's own composition of the whole document did
 * ({@link ComposedYamlTree}), problems and their positions included, on generated and mutated documents; and it
 * refuses documents nested too deep at the first node past the limit, without exhausting the stack however deep.
 */
class YamlTreeTest {

    @Test
    void readsGeneratedDocumentsAsTheLibrarysCompositionDoes() {
        Random random = new Random(11);
        for (int round = 0; round < 1_500; round++) {
            String text = new Generator(random).documents();
            assertSameAsComposed(text);
        }
    }

    @Test
    void readsMutatedRuleFilesAsTheLibrarysCompositionDoes() throws IOException {
        List<String> rules = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of(System.getProperty("exhunt.rules", "../rules")).resolve("sigma"))) {
            for (Path f : s.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) rules.add(Files.readString(f));
        }
        assertThat(rules).isNotEmpty();
        Random random = new Random(5);
        String syntax = ":-[]{}&*!|>'\" \n\t#?,<%@`";
        for (int round = 0; round < 1_500; round++) {
            StringBuilder text = new StringBuilder(rules.get(random.nextInt(rules.size())));
            for (int edits = 1 + random.nextInt(4); edits > 0 && text.length() > 0; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, syntax.charAt(random.nextInt(syntax.length())));
                    default -> text.setCharAt(at, syntax.charAt(random.nextInt(syntax.length())));
                }
            }
            assertSameAsComposed(text.toString());
        }
    }

    @Test
    void refusesNestingPastTheLimitAtItsFirstNode() throws YamlProblem {
        for (int depth : new int[] {Limits.YAML_DEPTH + 1, Limits.YAML_OPEN_BRACKETS}) {
            String flow = "detection: " + "[".repeat(depth) + "x" + "]".repeat(depth) + "\n";
            assertThatThrownBy(() -> YamlTree.parseAll("deep.yml", flow))
                    .isInstanceOfSatisfying(YamlProblem.class, p -> {
                        assertThat(p.getMessage()).isEqualTo("nested deeper than " + Limits.YAML_DEPTH);
                        assertThat(p.line()).isEqualTo(1);
                        // the root map is level 0, its value level 1: the first node past the limit
                        assertThat(p.column()).isEqualTo("detection: ".length() + Limits.YAML_DEPTH + 1);
                    });
        }
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 2_000; i++) block.append(" ".repeat(i)).append("k:\n");
        assertThatThrownBy(() -> YamlTree.parseAll("deep.yml", block.toString()))
                .isInstanceOfSatisfying(YamlProblem.class, p -> assertThat(p.line()).isEqualTo(Limits.YAML_DEPTH + 2));
        String limit = "[".repeat(Limits.YAML_DEPTH) + "x" + "]".repeat(Limits.YAML_DEPTH);
        assertThat(YamlTree.parseAll("ok.yml", limit)).hasSize(1);
    }

    @Test
    // the library's scanner alone takes minutes over these brackets
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refusesManyOpenBracketsBeforeTheScannerTakesTimeOverThem() {
        String text = "a: 'brackets in quotes count too: " + "[".repeat(Limits.YAML_OPEN_BRACKETS) + "'\nb: "
                + "{".repeat(4_000_000 - 200) + "\n";
        assertThatThrownBy(() -> YamlTree.parseAll("deep.yml", text))
                .isInstanceOfSatisfying(YamlProblem.class, p -> {
                    assertThat(p.getMessage()).isEqualTo("more than " + Limits.YAML_OPEN_BRACKETS + " brackets open");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo(4);
                });
    }

    @Test
    // the library's composer loops forever on the first
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refusesANodeThatContainsItselfWhereTheLibraryWouldLoopForever() {
        for (String text : new String[] {"a: &x {<<: *x}\n", "a: &x [1, *x]\n", "a: &x\n  b:\n    <<: *x\n"}) {
            assertThatThrownBy(() -> YamlTree.parseAll("f.yml", text))
                    .isInstanceOfSatisfying(YamlProblem.class, p -> assertThat(p.getMessage())
                            .isEqualTo("not valid YAML: alias *x names a node it is inside of"));
        }
    }

    @Test
    void anAnchorDefinedAgainNamesTheLatestNode() throws YamlProblem {
        String text = "a: &x {b: &x 1, c: *x}\nd: *x\n";
        assertThat(YamlTree.parseAll("f.yml", text)).isEqualTo(ComposedYamlTree.parseAll(text));
    }

    @Test
    void aDeepDocumentDoesNotHideALaterSyntaxError() {
        String text = "a: " + "[".repeat(100) + "x" + "]".repeat(100) + "\nb: [unclosed\n";
        assertThatThrownBy(() -> YamlTree.parseAll("f.yml", text))
                .isInstanceOfSatisfying(YamlProblem.class, p -> assertThat(p.getMessage()).startsWith("not valid YAML"));
    }

    private static void assertSameAsComposed(String text) {
        Object expected;
        try {
            expected = ComposedYamlTree.parseAll(text);
        } catch (YamlProblem p) {
            expected = p.line() + ":" + p.column() + " " + p.getMessage();
        }
        Object actual;
        try {
            actual = YamlTree.parseAll("f.yml", text);
        } catch (YamlProblem p) {
            actual = p.line() + ":" + p.column() + " " + p.getMessage();
        }
        assertThat(actual).as("%s", text).isEqualTo(expected);
    }

    /** Random YAML: block and flow collections, scalars of every kind, tags, anchors, aliases, merges, documents. */
    private static final class Generator {
        private final Random random;
        private final List<String> mapAnchors = new ArrayList<>();
        private final List<String> anchors = new ArrayList<>();
        private final StringBuilder out = new StringBuilder();
        private int anchorCount;

        Generator(Random random) {
            this.random = random;
        }

        String documents() {
            int docs = 1 + random.nextInt(3);
            for (int d = 0; d < docs; d++) {
                if (d > 0 || random.nextInt(4) == 0) out.append("---\n");
                mapAnchors.clear();
                anchors.clear();
                blockMap(0, 0, maxDepth());
            }
            return out.toString();
        }

        private int maxDepth() {
            return switch (random.nextInt(10)) {
                case 0 -> Limits.YAML_DEPTH - 2 + random.nextInt(6);
                case 1 -> Limits.YAML_DEPTH + random.nextInt(30);
                default -> 1 + random.nextInt(5);
            };
        }

        /** Up to four children near the top, one below: deep documents are chains, not trees of exponential size. */
        private int children(int depth, int most) {
            return depth < 4 ? most : 1;
        }

        private void blockMap(int indent, int depth, int max) {
            int entries = 1 + random.nextInt(children(depth, 4));
            for (int i = 0; i < entries; i++) {
                out.append(" ".repeat(indent));
                if (random.nextInt(12) == 0 && !mapAnchors.isEmpty()) {
                    out.append("<<: *").append(pick(mapAnchors)).append('\n');
                    continue;
                }
                out.append(random.nextInt(15) == 0 ? "dup" : "k" + random.nextInt(1000)).append(':');
                if (depth + 1 >= max || random.nextInt(3) == 0) {
                    out.append(' ').append(scalarOrAlias()).append('\n');
                } else if (random.nextInt(3) == 0) {
                    out.append(' ').append(flow(depth + 1, max)).append('\n');
                } else if (random.nextBoolean()) {
                    String anchor = anchor();
                    out.append(anchor.isEmpty() ? "" : " &" + anchor).append('\n');
                    blockMap(indent + 2, depth + 1, max);
                    closed(anchor, true);
                } else {
                    String anchor = anchor();
                    out.append(anchor.isEmpty() ? "" : " &" + anchor).append('\n');
                    blockList(indent + 2, depth + 1, max);
                    closed(anchor, false);
                }
            }
        }

        private void blockList(int indent, int depth, int max) {
            int items = 1 + random.nextInt(children(depth, 3));
            for (int i = 0; i < items; i++) {
                out.append(" ".repeat(indent)).append("- ");
                if (depth + 1 >= max || random.nextBoolean()) out.append(scalarOrAlias()).append('\n');
                else out.append(flow(depth + 1, max)).append('\n');
            }
        }

        private String flow(int depth, int max) {
            if (depth >= max) return scalarOrAlias();
            StringBuilder s = new StringBuilder();
            boolean map = random.nextBoolean();
            String anchor = anchor();
            if (!anchor.isEmpty()) s.append('&').append(anchor).append(' ');
            s.append(map ? '{' : '[');
            int n = random.nextInt(children(depth, 3) + 1);
            for (int i = 0; i < n; i++) {
                if (i > 0) s.append(", ");
                if (map) s.append(random.nextInt(10) == 0 ? "[complex]" : "f" + random.nextInt(4)).append(": ");
                s.append(random.nextInt(3) == 0 ? scalarOrAlias() : flow(depth + 1, max));
            }
            closed(anchor, map);
            return s.append(map ? '}' : ']').toString();
        }

        /** A new anchor name for the next collection, or nothing. */
        private String anchor() {
            return random.nextInt(6) == 0 ? "a" + anchorCount++ : "";
        }

        /** A collection is complete: aliases may name it now (naming an open one would make it contain itself). */
        private void closed(String anchor, boolean map) {
            if (anchor.isEmpty()) return;
            anchors.add(anchor);
            if (map) mapAnchors.add(anchor);
        }

        private String scalarOrAlias() {
            if (random.nextInt(8) == 0 && !anchors.isEmpty()) return "*" + pick(anchors);
            if (random.nextInt(30) == 0) return "*undefined";
            String[] scalars = {"x", "0x17", "12", "1.5", "true", "null", "~", "''", "'quoted: yes'", "\"esc\\tx\"",
                    "!!str 12", "!!int '7'", "! 12", "!local v", "-", "a b c", ".inf", "2024-01-01", "'%Admins%'"};
            return scalars[random.nextInt(scalars.length)];
        }

        private String pick(List<String> names) {
            return names.get(random.nextInt(names.size()));
        }
    }
}
