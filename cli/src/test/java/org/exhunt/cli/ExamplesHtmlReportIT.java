package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.exhunt.core.IsoTime;
import org.exhunt.core.Severity;
import org.exhunt.hunt.examples.ExampleImages;
import org.exhunt.report.Printable;
import org.exhunt.report.ShortReason;
import org.exhunt.report.testing.HeadlessChromium;
import org.exhunt.testkit.image.ExpectedScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The HTML report of every example image under examples/, written by a real scan ({@code --format html,jsonl})
 * and opened in one headless Chromium for all of them, checked for what a user checks against the image's
 * {@code <name>.expected.json}: every row's exposure and compromise as expected, the answer line, every
 * required finding in the table (its file, time and chain), the findings counted, the timeline drawn when
 * the logs hold evidence, the chain and level filters and the search narrowing the real findings, nothing
 * loaded, no console error. The scan's own JSON lines say what the page must hold beyond the expectation
 * (the reasons, every finding and linked event). Artifacts: {@code cli/target/examples-html/<image>.html},
 * {@code .jsonl}, and {@code .png} (the whole page, filters cleared).
 */
class ExamplesHtmlReportIT {

    /** The chain filter's entry for findings without a chain (post-exploitation no chain explains, context). */
    private static final String NO_CHAIN = "(no chain)";
    /** Compromise states from least to most alarming, as the answer line weighs them. */
    private static final List<String> ALARM = List.of("NOT_ASSESSED", "CLEAN", "CANNOT_TELL", "ATTEMPTED", "COMPROMISED");
    private static final Map<String, String> ANSWER = Map.of(
            "COMPROMISED", "Evidence of compromise on 1 of 1 server: ",
            "ATTEMPTED", "Exploitation attempts, no sign of success, on 1 of 1 server: ",
            "CANNOT_TELL", "No evidence of compromise, but the evidence cannot tell for some rows on 1 of 1 server: ",
            "CLEAN", "No evidence of compromise on 1 of 1 server: ");

    private static HeadlessChromium chromium;

    @BeforeAll
    static void startTheBrowser() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) chromium.close();
    }

    @TestFactory
    Stream<DynamicTest> theHtmlReportOfEveryExampleImageShowsWhatItsExpectedFileSays() throws IOException {
        List<String> names = ExampleImages.names();
        assertThat(names).contains("hafnium-webshell", "clean", "proxylogon-victim", "proxyshell-victim",
                "proxynotshell-victim", "attempted-only", "clean-with-lookalikes", "logs-start-too-late");
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> new Page(name).check()));
    }

    /** One image: its scan, its expectation, and its report open in the browser. */
    private static final class Page {

        private final String name;
        private final ExpectedScan expected;
        private final Path prefix;
        private List<JsonNode> lines;
        private List<JsonNode> findings;

        Page(String name) throws IOException {
            this.name = name;
            this.expected = ExampleImages.expected(name);
            this.prefix = HeadlessChromium.artifact("examples-html").resolve(name);
        }

        private Path file(String extension) {
            return prefix.resolveSibling(name + "." + extension);
        }

        void check() throws IOException {
            Files.createDirectories(prefix.toAbsolutePath().getParent());
            CliRun run = CliRun.of("scan", "--no-progress", "--quiet", "--format", "html,jsonl", "-o", prefix.toString(),
                    ExampleImages.image(name).toString());
            assertThat(run.err()).as("standard error of the scan").isEmpty();
            if (expected.exitCode() != null) assertThat(run.code()).as("exit code").isEqualTo(expected.exitCode());
            lines = JsonlResult.lines(file("jsonl"));
            findings = JsonlResult.ofType(lines, "finding");

            chromium.consoleErrors(); // drop what the previous page left
            chromium.open(file("html"));
            chromium.waitFor("the filter script", () -> !chromium.text("shown").isEmpty());

            verdicts();
            textIsText();
            try {
                wordsAreWhole();
                chromium.emulatePrint(true);
                wordsAreWhole();
            } finally {
                chromium.emulatePrint(false);
            }
            findingsTable();
            timeline();
            filters();
            search();
            chromium.driver().findElement(By.cssSelector("#filters button[type=reset]")).click();
            chromium.waitFor("the filters cleared", () -> chromium.text("shown").equals(shown(findings.size())));

            assertThat(chromium.resourceLoads()).as("resources fetched").isZero();
            assertThat(chromium.consoleErrors()).as("browser console errors").isEmpty();
            chromium.screenshot(file("png"));
        }

        /** Every row of the expectation, in its order, with its exposure and one of its right compromise states. */
        private void verdicts() {
            List<List<String>> shown = script("return Array.from(document.querySelectorAll('#verdict-table tbody tr'),"
                    + " tr => Array.from(tr.cells, td => td.innerText.trim()))");
            assertThat(shown).extracting(cells -> cells.get(1)).as("the verdict rows")
                    .containsExactlyElementsOf(expected.verdicts().stream().map(ExpectedScan.Row::row).toList());
            for (int i = 0; i < shown.size(); i++) {
                List<String> cells = shown.get(i);
                ExpectedScan.Row row = expected.verdicts().get(i);
                assertThat(cells.get(0)).as("server of %s", row.row()).isEqualTo(name);
                if (row.exposure() != null) {
                    assertThat(cells.get(2)).as("exposure of %s", row.row())
                            .isEqualTo(row.exposure().equals("NOT_ASSESSED") ? "not assessed" : row.exposure());
                }
                assertThat(cells.get(3)).as("compromise of %s (%s)", row.row(), row.why()).isIn(row.compromise());
            }
            List<JsonNode> scanned = JsonlResult.ofType(lines, "verdict");
            assertThat(shown).as("the verdicts as the scan gave them").extracting(cells -> String.join(" | ", cells.subList(0, 4)))
                    .containsExactlyElementsOf(scanned.stream().map(v -> String.join(" | ",
                            v.get("server").asText(), v.get("row").asText(), v.get("exposure").asText().equals("NOT_ASSESSED")
                                    ? "not assessed" : v.get("exposure").asText(),
                            v.get("compromise").asText())).toList());
            // Issue 26: a short reason in the table, its button jumps to the whole explanation (the verdict's detail)
            List<String> reasons = script("return Array.from(document.querySelectorAll('#verdict-table td.reason'),"
                    + " td => td.firstChild.textContent.trim())");
            assertThat(reasons).allSatisfy(r -> assertThat(r).hasSizeLessThanOrEqualTo(ShortReason.MAX));
            for (int i = 0; i < scanned.size(); i++) {
                chromium.driver().findElements(By.cssSelector("#verdict-table button.more")).get(i).click();
                List<String> detail = script("return Array.from(document.querySelectorAll('.verdict-detail.target li'),"
                        + " li => li.innerText)");
                String whole = scanned.get(i).get("detail").asText();
                assertThat(String.join("; ", detail)).as("the whole explanation of %s", shown.get(i).get(1))
                        .isEqualTo(Printable.visible(whole.isBlank() ? scanned.get(i).get("reason").asText() : whole));
            }

            String worst = shown.stream().map(cells -> cells.get(3)).max(Comparator.comparingInt(ALARM::indexOf)).orElseThrow();
            assertThat(chromium.text("answer")).as("the answer line").startsWith(ANSWER.get(worst) + name + ".");
        }

        /**
         * Issue 26: text reads as text: no escape such as {@code \x0a} in what the page shows (rule descriptions are
         * wrapped prose). Evidence cells are left out: the bytes a finding quotes (the page-code check's line of a PST
         * shell) may hold control characters, which the page shows as escapes by design.
         */
        private void textIsText() {
            String visible = script("var b = document.body.cloneNode(true);"
                    + " b.querySelectorAll('script, td.evidence').forEach(e => e.remove()); return b.textContent");
            assertThat(visible).doesNotContainPattern("\\\\x[0-9a-fA-F]{2}").doesNotContainPattern("\\\\u[0-9a-fA-F]{4}");
        }

        /**
         * Issue 26: no column is narrower than its longest word: no run of letters and digits in a table (up to 30 of
         * them: a hash may break) is split across lines, on screen and on paper. Lines still wrap where text allows it
         * (spaces, after a hyphen or a slash), never inside "CVE-2020-0688"'s "0688".
         */
        private void wordsAreWhole() {
            List<String> broken = script("const broken = [];"
                    + " const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);"
                    + " for (let n = walker.nextNode(); n; n = walker.nextNode()) {"
                    + "   if (!n.parentElement.closest('td, th') || !n.parentElement.offsetParent) continue;"
                    + "   for (const m of n.textContent.matchAll(/[\\p{L}\\p{N}]+/gu)) {"
                    + "     if (m[0].length < 2 || m[0].length > 30) continue;"
                    + "     const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);"
                    + "     const tops = new Set(Array.from(r.getClientRects(), c => Math.round(c.top)));"
                    + "     if (tops.size > 1) broken.push(m[0]);"
                    + "   }"
                    + " } return broken;");
            assertThat(broken).as("words split across lines in the tables").isEmpty();
        }

        /** As many findings and linked events as the scan reported, and every finding the expectation requires. */
        private void findingsTable() {
            List<Map<String, Object>> rows = rows();
            int linked = findings.stream().mapToInt(JsonlResult::linkedEvents).sum();
            assertThat(rows).filteredOn(r -> !(Boolean) r.get("linked")).as("finding rows").hasSize(findings.size());
            assertThat(rows).as("finding and linked-event rows").hasSize(findings.size() + linked);
            assertThat(chromium.driver().findElement(By.cssSelector("#findings > p.muted")).getText())
                    .isEqualTo(count(findings.size(), "finding") + (linked > 0 ? ", with " + count(linked, "linked event") : ""));
            assertThat(chromium.text("shown")).isEqualTo(shown(findings.size()));
            if (findings.isEmpty()) {
                assertThat(chromium.driver().findElement(By.cssSelector("#findings-table tr.nothing")).getText())
                        .isEqualTo("No findings.");
            }
            for (ExpectedScan.Finding e : expected.findings()) {
                if (!e.required() || e.benign()) continue;
                String source = "/" + e.source().toLowerCase(Locale.ROOT);
                String chain = e.chain() == null ? NO_CHAIN : e.chain();
                String time = e.time() == null ? null : IsoTime.format(e.time());
                // a finding's row, or a linked event's row: a trace reported with others of the same LSASS dump
                assertThat(rows).as("a row for %s", e).anyMatch(r -> text(r, "where").replace('\\', '/').toLowerCase(Locale.ROOT).contains(source)
                        && text(r, "chain").equals(chain) && (time == null || text(r, "time").equals(time)));
            }
        }

        /** A dot per timed finding and linked event; without any, a sentence saying why there is no chart. */
        private void timeline() {
            long timed = findings.stream().mapToLong(Page::timedEvents).sum();
            List<WebElement> svg = chromium.driver().findElements(By.cssSelector("svg.timeline"));
            if (expected.findings().stream().anyMatch(e -> e.required() && !e.benign() && e.time() != null)) {
                assertThat(timed).as("the logs hold evidence, so the timeline has some").isPositive();
            }
            if (timed > 0) {
                assertThat(svg).hasSize(1);
                assertThat(svg.get(0).isDisplayed()).isTrue();
                assertThat(chromium.driver().findElements(By.cssSelector("svg.timeline [data-row]"))).as("timeline dots")
                        .hasSize((int) timed);
            } else {
                assertThat(svg).isEmpty();
                assertThat(chromium.text("timeline")).contains(findings.isEmpty() ? "No evidence to show on a timeline."
                        : "None of the evidence has a time");
            }
        }

        private static long timedEvents(JsonNode finding) {
            long n = finding.get("time").isNull() ? 0 : 1;
            for (JsonNode l : finding.get("linked")) n += timedEvents(l);
            return n;
        }

        /**
         * Each chain (verdict row) and each lowest level narrows the table to the findings the scan filed under
         * it; a row the expectation calls compromised or attempted can be filtered to its evidence.
         */
        private void filters() {
            Select chain = select("chain");
            TreeSet<String> chains = new TreeSet<>();
            findings.forEach(f -> chains.add(chain(f)));
            assertThat(chain.getOptions()).extracting(WebElement::getText).containsExactlyElementsOf(concat("all", chains));
            for (String c : chains) {
                chain.selectByValue(c);
                expectShown(f -> chain(f).equals(c));
            }
            for (ExpectedScan.Row row : expected.verdicts()) {
                if (!row.compromise().stream().allMatch(s -> s.equals("COMPROMISED") || s.equals("ATTEMPTED"))) continue;
                // post-exploitation is what no chain explains
                String entry = row.row().equals("Post-exploitation") ? NO_CHAIN : row.row();
                assertThat(chains).as("the chain filter offers %s, which has evidence", row.row()).contains(entry);
            }
            chain.selectByValue("");

            Select level = select("level");
            for (Severity s : Severity.values()) {
                level.selectByValue(s.label());
                expectShown(f -> Severity.parse(f.get("level").asText()).compareTo(s) >= 0);
            }
            level.selectByValue("");
            assertThat(chromium.text("shown")).isEqualTo(shown(findings.size()));
        }

        /**
         * A file name from the real findings, typed into the search box, keeps exactly the findings whose text or
         * linked events hold it (narrowing the table when some do not); text found nowhere leaves none.
         */
        private void search() {
            if (findings.isEmpty()) return;
            List<String> names = new ArrayList<>();
            findings.forEach(f -> names.add(fileName(f)));
            String query = names.stream().filter(q -> findings.stream().anyMatch(f -> !holds(f, q))).findFirst()
                    .orElse(names.get(0));
            WebElement box = chromium.driver().findElement(By.name("q"));
            box.sendKeys(query);
            expectShown(f -> holds(f, query));
            assertThat(rows()).filteredOn(r -> (Boolean) r.get("shown"))
                    .allSatisfy(r -> assertThat(text(r, "group_text").toLowerCase(Locale.ROOT)).contains(query));
            box.clear();
            box.sendKeys("no such text in any finding");
            assertThat(chromium.text("shown")).isEqualTo("0 of " + findings.size() + " findings shown");
            assertThat(chromium.driver().findElement(By.cssSelector("#findings-table tr.nothing")).isDisplayed()).isTrue();
        }

        /** Whether a finding's own text or a linked event's holds {@code query} (file names have nothing JSON escapes). */
        private static boolean holds(JsonNode finding, String query) {
            return finding.toString().toLowerCase(Locale.ROOT).contains(query);
        }

        private static String fileName(JsonNode finding) {
            String file = finding.at("/source/file").asText().replace('\\', '/');
            return file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        }

        private void expectShown(Predicate<JsonNode> which) {
            long n = findings.stream().filter(which).count();
            assertThat(chromium.text("shown")).isEqualTo(n + " of " + findings.size() + " findings shown");
            assertThat(rows()).filteredOn(r -> !(Boolean) r.get("linked") && (Boolean) r.get("shown")).hasSize((int) n);
        }

        private static String chain(JsonNode finding) {
            return finding.get("chain").isNull() ? NO_CHAIN : finding.get("chain").asText();
        }

        private static Select select(String name) {
            return new Select(chromium.driver().findElement(By.name(name)));
        }

        /** The findings table's rows as the page has them: one script call instead of a round trip per cell. */
        private static List<Map<String, Object>> rows() {
            return script("return Array.from(document.querySelectorAll('#findings-table tbody tr[data-group]'), tr => {"
                    + " const group = document.querySelectorAll('#findings-table tr[data-group=\"' + tr.dataset.group + '\"]');"
                    + " return {linked: tr.classList.contains('linked'), shown: !tr.hidden, chain: tr.dataset.chain,"
                    + " time: tr.cells[0].firstChild.textContent, where: tr.cells[3].textContent,"
                    + " group_text: Array.from(group, r => r.textContent).join(' ')}; })");
        }
    }

    private static String text(Map<String, Object> row, String key) {
        return (String) row.get(key);
    }

    @SuppressWarnings("unchecked")
    private static <T> T script(String js) {
        return (T) chromium.driver().executeScript(js);
    }

    private static String shown(int n) {
        return n + " of " + n + " findings shown";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static List<String> concat(String first, java.util.Collection<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
