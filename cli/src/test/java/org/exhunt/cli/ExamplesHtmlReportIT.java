package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.exhunt.report.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The real scan of the example images, as they stand in {@code examples/}, written as HTML and JSON lines
 * in one run, and the HTML opened in headless Chromium: the page must show exactly the verdicts and
 * findings the JSON lines hold (so the test follows the hunt as it grows rows), filter per server, and
 * leave the console clean. Artifact: {@code cli/target/html-report-examples.png}.
 */
class ExamplesHtmlReportIT {

    @Test
    void theHtmlReportOfTheExamplesShowsWhatTheScanFound() throws IOException {
        Path prefix = HeadlessChromium.artifact("examples-report");
        Files.createDirectories(prefix.toAbsolutePath().getParent());
        List<String> images = List.of(Examples.example("clean").toString(), Examples.example("hafnium-webshell").toString());
        List<String> args = new ArrayList<>(List.of("scan", "--format", "html,jsonl", "-o", prefix.toString()));
        args.addAll(images);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(prefix.resolveSibling("examples-report.jsonl"))) {
            lines.add(new ObjectMapper().readTree(line));
        }
        List<String> expectedVerdicts = lines.stream().filter(l -> l.get("type").asText().equals("verdict"))
                .map(l -> String.join(" ", l.get("server").asText(), l.get("row").asText(),
                        l.get("exposure").asText().equals("NOT_ASSESSED") ? "not assessed" : l.get("exposure").asText(),
                        l.get("compromise").asText(), l.get("reason").asText()))
                .toList();
        Map<String, Integer> findingsPerServer = new TreeMap<>();
        lines.stream().filter(l -> l.get("type").asText().equals("finding"))
                .forEach(l -> findingsPerServer.merge(l.get("server").asText(), 1, Integer::sum));
        assertThat(expectedVerdicts).anyMatch(v -> v.startsWith("hafnium-webshell Post-exploitation")
                && v.contains("COMPROMISED"));

        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            chromium.open(prefix.resolveSibling("examples-report.html"));
            chromium.waitFor("the filter script", () -> !chromium.text("shown").isEmpty());

            List<String> shownVerdicts = chromium.driver().findElements(By.cssSelector("#verdict-table tbody tr"))
                    .stream().map(WebElement::getText).toList();
            assertThat(shownVerdicts).containsExactlyElementsOf(expectedVerdicts);
            assertThat(chromium.text("answer")).startsWith("Evidence of compromise on 1 of 2 servers: hafnium-webshell.");

            int total = findingsPerServer.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(chromium.text("shown")).isEqualTo(total + " of " + total + " findings shown");
            Select server = new Select(chromium.driver().findElement(By.name("server")));
            assertThat(server.getOptions()).extracting(WebElement::getText)
                    .containsExactlyElementsOf(concat("all", findingsPerServer.keySet()));
            for (Map.Entry<String, Integer> e : findingsPerServer.entrySet()) {
                server.selectByVisibleText(e.getKey());
                assertThat(chromium.text("shown")).isEqualTo(e.getValue() + " of " + total + " findings shown");
            }

            assertThat(chromium.resourceLoads()).isZero();
            assertThat(chromium.consoleErrors()).as("browser console errors").isEmpty();
            server.selectByIndex(0);
            chromium.screenshot(HeadlessChromium.artifact("html-report-examples.png"));
        }
    }

    private static List<String> concat(String first, java.util.Collection<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
