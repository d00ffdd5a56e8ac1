package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.exhunt.hunt.examples.ExampleImages;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console report of every example image, as a responder reads it at a terminal (issue 26): verdict lines that fit
 * a screen, each row's evidence most severe first, no event twice, every event of the scan's JSON lines there once
 * with {@code --verbose}, the closing summary at the end, and on standard error with {@code -o} unless {@code --quiet}.
 */
class ExampleImagesConsoleTest {

    private static final List<String> LEVELS = List.of("INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL");
    private static final Pattern ENTRY = Pattern.compile("^  \\[([A-Z]+)] ");
    private static final Pattern AT = Pattern.compile("^      at (.*)$");
    private static final Pattern ROW_COUNT = Pattern.compile("^-- (.+?): .* \\((\\d+) findings?, ");
    private static final Pattern TIMELINE_COUNT = Pattern.compile("^  timeline (.+?): (\\d+) findings?");

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> theConsoleReportOfEveryExampleReadsAtATerminal() throws IOException {
        return ExampleImages.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    private static void check(String name) throws IOException {
        Path image = ExampleImages.copyWithTheirTimes(name, tmp.resolve(name));
        CliRun run = CliRun.of("scan", "--no-progress", "--color", "never", image.toString());
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();

        List<String> table = verdictTable(lines);
        assertThat(table).as("verdict lines of %s", name).isNotEmpty()
                .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(200));

        List<String> places = new ArrayList<>();
        String level = null;
        for (String line : lines) {
            if (line.startsWith("-- ")) level = null; // a row's evidence starts afresh
            Matcher entry = ENTRY.matcher(line);
            if (entry.find()) {
                if (level != null) {
                    assertThat(LEVELS.indexOf(entry.group(1))).as("%s: most severe first, at %s", name, line)
                            .isLessThanOrEqualTo(LEVELS.indexOf(level));
                }
                level = entry.group(1);
            }
            Matcher at = AT.matcher(line);
            if (at.matches()) places.addAll(places(at.group(1)));
        }
        assertThat(places).as("%s: no event printed twice", name).doesNotHaveDuplicates();
        assertThat(counts(lines, ROW_COUNT)).as("%s: a row's findings, as its header and its timeline count them", name)
                .isEqualTo(counts(lines, TIMELINE_COUNT));

        int summary = lines.indexOf("Summary");
        assertThat(summary).as("%s: the closing summary", name).isPositive();
        assertThat(lines.subList(summary, lines.size())).contains("  " + name).anyMatch(l -> l.startsWith("    findings: "))
                .anyMatch(l -> l.startsWith("    not read: "));
        if (name.equals("proxylogon-victim")) assertThat(lines).as("proxylogon-victim's console report").hasSizeLessThan(150);
    }

    /** Per row, the count of findings the lines matching {@code pattern} give it. */
    private static Map<String, String> counts(List<String> lines, Pattern pattern) {
        Map<String, String> counts = new TreeMap<>();
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find() && !m.group(1).startsWith("Context")) counts.put(m.group(1), m.group(2));
        }
        return counts;
    }

    /** The lines from the SERVER header to the first blank line after it, header left out. */
    private static List<String> verdictTable(List<String> lines) {
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("SERVER ")).findFirst().orElseThrow());
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(header + 1, lines.size())) {
            if (line.isBlank()) break;
            rows.add(line);
        }
        return rows;
    }

    /** "file:52, 53, 54" is three places of one file. */
    private static List<String> places(String at) {
        Matcher m = Pattern.compile("^(.*?):(\\d+)((?:, \\d+)*)$").matcher(at);
        if (!m.matches()) return List.of(at);
        List<String> all = new ArrayList<>(List.of(m.group(1) + ":" + m.group(2)));
        for (String more : m.group(3).split(", ")) if (!more.isEmpty()) all.add(m.group(1) + ":" + more);
        return all;
    }

    /** With --verbose, every finding's record of the scan's JSON lines is an event of its own, printed once. */
    @Test
    void withVerboseEveryRecordAFindingCameFromIsPrintedOnceWithEveryRule() throws IOException {
        Path image = ExampleImages.copyWithTheirTimes("proxylogon-victim", tmp.resolve("verbose"));
        Path jsonl = tmp.resolve("verbose.jsonl");
        CliRun.of("scan", "--no-progress", "--format", "jsonl", "-o", jsonl.toString(), "--quiet", image.toString());
        CliRun run = CliRun.of("scan", "--no-progress", "--color", "never", "--verbose", image.toString());
        List<String> at = run.out().lines().map(AT::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
        assertThat(at).doesNotHaveDuplicates();
        Set<String> sources = new HashSet<>();
        for (JsonNode f : JsonlResult.ofType(JsonlResult.lines(jsonl), "finding")) sources.add(source(f));
        assertThat(new HashSet<>(at)).as("one entry per record a finding came from").isEqualTo(sources);
        long rules = run.out().lines().filter(l -> l.startsWith("      rule ")).count();
        assertThat(rules).as("every finding's rule listed on its event")
                .isEqualTo(JsonlResult.ofType(JsonlResult.lines(jsonl), "finding").size());
    }

    private static String source(JsonNode finding) {
        JsonNode s = finding.get("source");
        if (s.isTextual()) return s.asText();
        StringBuilder b = new StringBuilder(s.get("file").asText());
        if (s.hasNonNull("line")) b.append(':').append(s.get("line").asLong());
        if (s.hasNonNull("offset")) b.append('@').append(s.get("offset").asLong());
        if (s.hasNonNull("record")) b.append('#').append(s.get("record").asText());
        return b.toString();
    }

    @Test
    void withAnOutputFileTheSummaryGoesToStandardErrorUnlessQuiet() throws IOException {
        Path image = ExampleImages.copyWithTheirTimes("hafnium-webshell", tmp.resolve("summary"));
        Path prefix = tmp.resolve("out");
        CliRun run = CliRun.of("scan", "--no-progress", "--format", "html,jsonl", "-o", prefix.toString(), image.toString());
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).startsWith("Summary", "  summary", "    COMPROMISED: Post-exploitation")
                .contains("  html report: " + prefix + ".html", "  jsonl report: " + prefix + ".jsonl");
        Files.delete(Path.of(prefix + ".html"));
        Files.delete(Path.of(prefix + ".jsonl"));
        CliRun quiet = CliRun.of("scan", "--no-progress", "--quiet", "--format", "html,jsonl", "-o", prefix.toString(),
                image.toString());
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.code()).isEqualTo(run.code()).isEqualTo(ExitCodes.COMPROMISE);
    }
}
