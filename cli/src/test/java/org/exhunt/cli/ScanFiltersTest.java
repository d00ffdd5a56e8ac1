package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.exhunt.testkit.logs.LogGenerator;
import org.exhunt.testkit.logs.PlantedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --filters}: Sigma filter documents tune out known-good events from the rule pack's rules (and the
 * user's), and every filter applied is listed in the report, so that a reader knows what was left out (issue 6).
 */
class ScanFiltersTest {

    /** The pack's rule for the ProxyShell Autodiscover SSRF answered by a back end (webserver logs). */
    private static final String PROXYSHELL_ANSWERED = "25e34b8b-6e01-4d1d-aaf3-66fced361713";
    private static final String SCANNER = "198.51.100.23";

    private static final String FILTER = """
            title: Our own vulnerability scanner
            id: 6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b
            logsource:
                category: webserver
            filter:
                rules:
                    - %s
                scanner:
                    c-ip: '%s'
                condition: scanner
            """.formatted(PROXYSHELL_ANSWERED, SCANNER);

    @TempDir
    Path tmp;

    /** The clean example with one IIS log holding ProxyShell requests from {@link #SCANNER}. */
    private Path image() throws IOException {
        Path image = Examples.copyWithFixedTimes("clean", tmp.resolve("ex01"));
        LogGenerator iis = LogGenerator.iis().start(Instant.parse("2021-08-20T00:00:00Z")).size(5_000)
                .plant(new PlantedEvent.ProxyShell(Instant.parse("2021-08-20T01:00:00Z"), SCANNER,
                        "admin@contoso.com", "powershell/"));
        iis.writeTo(image.resolve(iis.serverPath()));
        return image;
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void aFilterTunesOutAPackRulesFindingAndIsListedInTheConsoleAndJsonReports() throws IOException {
        Path image = image();
        assertThat(CliRun.of("scan", image.toString()).out()).as("the pack's rule fires without the filter")
                .contains("rule " + PROXYSHELL_ANSWERED + " (sigma)");

        Path filter = write("filters/scanner.yml", FILTER);
        Path prefix = tmp.resolve("reports/ex01");
        Files.createDirectories(prefix.getParent());
        CliRun run = CliRun.of("scan", "--filters", filter.getParent().toString(), "--format", "console,jsonl",
                "-o", prefix.toString(), image.toString());

        String console = Files.readString(tmp.resolve("reports/ex01.txt"));
        assertThat(console).doesNotContain("rule " + PROXYSHELL_ANSWERED)
                .contains("Sigma filters (1), tuning out events from the rules they name:\n"
                        + "  Our own vulnerability scanner (6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b) from " + filter
                        + ", for " + PROXYSHELL_ANSWERED + "\n");
        assertThat(console).as("the filter loaded and applied without a problem").doesNotContain("[sigma.");
        assertThat(run.err()).isEmpty();

        JsonNode first = new ObjectMapper().readTree(Files.readAllLines(tmp.resolve("reports/ex01.jsonl")).get(0));
        assertThat(first.path("type").asText()).isEqualTo("run");
        assertThat(first.path("filters")).singleElement().satisfies(f -> {
            assertThat(f.path("file").asText()).isEqualTo(filter.toString());
            assertThat(f.path("id").asText()).isEqualTo("6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
            assertThat(f.path("title").asText()).isEqualTo("Our own vulnerability scanner");
            assertThat(f.path("rules")).extracting(JsonNode::asText).containsExactly(PROXYSHELL_ANSWERED);
        });
        assertThat(Files.readString(tmp.resolve("reports/ex01.jsonl"))).doesNotContain("\"rule_id\":\"" + PROXYSHELL_ANSWERED);
    }

    @Test
    void aRunWithoutFiltersListsNone() throws IOException {
        Path report = tmp.resolve("report.jsonl");
        CliRun run = CliRun.of("scan", "--format", "jsonl", "-o", report.toString(), Examples.example(Examples.CLEARED).toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(new ObjectMapper().readTree(Files.readAllLines(report).get(0)).has("filters")).isFalse();
    }

    @Test
    void aFilterThatDoesNotLoadIsListedAndMakesTheRunIncomplete() throws IOException {
        Path broken = write("filters/broken.yml", FILTER.replace("c-ip: '" + SCANNER + "'", "c-ip|startswiht: '198.'"));
        CliRun run = CliRun.of("scan", "--filters", broken.toString(), Examples.example(Examples.CLEARED).toString());
        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).contains(broken + ":9: ").contains("[sigma.modifier]").doesNotContain("Sigma filters (");
    }

    @Test
    void aFilterNamingNoLoadedRuleIsAWarning() throws IOException {
        Path filter = write("filters/other.yml", FILTER.replace(PROXYSHELL_ANSWERED, "no-such-rule"));
        CliRun run = CliRun.of("scan", "--filters", filter.toString(), Examples.example(Examples.CLEARED).toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("names no-such-rule, which is no loaded rule; not applied there")
                .contains("Our own vulnerability scanner (6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b) from " + filter + ", for no-such-rule");
    }

    @Test
    void missingFiltersAreAUsageError() {
        CliRun run = CliRun.of("scan", "--filters", tmp.resolve("nope").toString(), Examples.example("clean").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no such Sigma filters");
    }
}
