package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhunt.report.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The HTML report of the sample results in a real headless Chromium: it renders under its own strict CSP
 * (the filter script runs, so its hash matched), loads nothing, never runs the injected markup, filters
 * and searches, jumps from the timeline to the table, prints, and leaves the console free of errors.
 * Artifacts: {@code target/html-report.html}, {@code .png} (the page), {@code -print.pdf}.
 */
class HtmlReportBrowserIT {

    private static HeadlessChromium chromium;
    private static Path page;

    @BeforeAll
    static void openTheReport() throws Exception {
        page = HeadlessChromium.artifact("html-report.html");
        Files.createDirectories(page.toAbsolutePath().getParent());
        Files.writeString(page, Reports.sample(new HtmlReport()), StandardCharsets.UTF_8);
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) chromium.close();
    }

    @BeforeEach
    void freshPage() {
        chromium.consoleErrors(); // drop what earlier tests left in the console log
        chromium.open(page);
        chromium.waitFor("the filter script", () -> !chromium.text("shown").isEmpty());
    }

    private ChromeDriver driver() {
        return chromium.driver();
    }

    private List<WebElement> visibleFindingRows() {
        return driver().findElements(By.cssSelector("#findings-table tbody tr[data-group]")).stream()
                .filter(WebElement::isDisplayed).toList();
    }

    @Test
    void itRendersTheVerdictsAndEveryFindingWithNoConsoleErrorsNoLoadsAndNoInjectedCode() throws Exception {
        assertThat(driver().getTitle()).startsWith("exhunt report: ex01, ");
        List<WebElement> verdicts = driver().findElements(By.cssSelector("#verdict-table tbody tr"));
        assertThat(verdicts).hasSize(8).allMatch(WebElement::isDisplayed);
        assertThat(verdicts.get(0).getText()).isEqualTo("ex01 ProxyLogon VULNERABLE COMPROMISED "
                + "SSRF to /ecp, OAB ExternalUrl set to a web shell, shell requested detail");
        verdicts.get(0).findElement(By.cssSelector("button.more")).click();
        assertThat(driver().findElement(By.cssSelector("#verdict-1")).getAttribute("class")).contains("target");
        assertThat(verdicts.get(4).getText()).contains("UNKNOWN", "CANNOT_TELL");
        assertThat(chromium.text("answer")).startsWith("Evidence of compromise on 1 of 2 servers: ex01.");
        assertThat(visibleFindingRows()).hasSize(SampleResults.FINDINGS + SampleResults.LINKED);
        assertThat(chromium.text("shown")).isEqualTo("5 of 5 findings shown");
        assertThat(driver().findElement(By.cssSelector("svg.timeline")).isDisplayed()).isTrue();

        assertThat(driver().executeScript("return document.body.dataset." + SampleResults.PWNED + " === undefined"))
                .as("no injected markup ran").isEqualTo(true);
        assertThat(driver().findElements(By.cssSelector("img, a"))).isEmpty();
        assertThat(chromium.resourceLoads()).as("resources fetched").isZero();
        assertThat(chromium.consoleErrors()).as("browser console errors").isEmpty();

        chromium.screenshot(HeadlessChromium.artifact("html-report.png"));
        assertThat(Files.size(HeadlessChromium.artifact("html-report.png"))).isGreaterThan(10_000);
    }

    @Test
    void aScriptThatIsNotTheOneHashedIsRefusedAndTheRefusalIsAConsoleError() throws Exception {
        String report = Reports.sample(new HtmlReport());
        Path tampered = HeadlessChromium.artifact("html-report-tampered.html");
        Files.writeString(tampered, report.replace("'use strict';", "'use strict'; "), StandardCharsets.UTF_8);
        assertThat(tampered).content().isNotEqualTo(report);
        chromium.consoleErrors();
        chromium.open(tampered);
        assertThat(chromium.text("shown")).as("the filter script did not run").isEmpty();
        assertThat(driver().findElement(By.id("filters")).isDisplayed()).isFalse();
        assertThat(visibleFindingRows()).as("without the script every row shows")
                .hasSize(SampleResults.FINDINGS + SampleResults.LINKED);
        assertThat(chromium.consoleErrors()).extracting(e -> e.getMessage())
                .anyMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void aReportWithoutFindingsSaysSoWithTheScriptRunning() throws Exception {
        Path empty = HeadlessChromium.artifact("html-report-empty.html");
        Files.writeString(empty, Reports.write(new HtmlReport(), SampleResults.RUN, List.of(SampleResults.ex02())),
                StandardCharsets.UTF_8);
        chromium.open(empty);
        chromium.waitFor("the filter script", () -> !chromium.text("shown").isEmpty());
        assertThat(chromium.text("shown")).isEqualTo("0 of 0 findings shown");
        assertThat(driver().findElement(By.cssSelector("#findings-table tr.nothing")).getText()).isEqualTo("No findings.");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void filtersNarrowTheFindingsAndKeepLinkedEventsWithTheirFinding() {
        Select level = new Select(driver().findElement(By.name("level")));
        level.selectByValue("critical");
        assertThat(visibleFindingRows()).hasSize(1 + SampleResults.LINKED);
        assertThat(chromium.text("shown")).isEqualTo("1 of 5 findings shown");

        level.selectByValue("medium");
        assertThat(chromium.text("shown")).isEqualTo("4 of 5 findings shown");

        new Select(driver().findElement(By.name("chain"))).selectByVisibleText("ProxyNotShell");
        assertThat(visibleFindingRows()).hasSize(1);
        assertThat(visibleFindingRows().get(0).getText()).contains("ProxyNotShell autodiscover SSRF attempt");

        driver().findElement(By.cssSelector("#filters button[type=reset]")).click();
        chromium.waitFor("the reset", () -> chromium.text("shown").equals("5 of 5 findings shown"));
        new Select(driver().findElement(By.name("detector"))).selectByValue("yara");
        assertThat(visibleFindingRows()).hasSize(1);
        new Select(driver().findElement(By.name("detector"))).selectByValue("");
        new Select(driver().findElement(By.name("chain"))).selectByVisibleText(HtmlFindingsTable.NO_CHAIN);
        assertThat(visibleFindingRows()).hasSize(1);

        driver().findElement(By.cssSelector("#filters button[type=reset]")).click();
        chromium.waitFor("the reset", () -> chromium.text("shown").equals("5 of 5 findings shown"));
        Select stage = new Select(driver().findElement(By.name("stage")));
        stage.selectByValue("attempt");
        assertThat(visibleFindingRows()).as("a finding's stage decides, not its linked events'").hasSize(1);
        assertThat(visibleFindingRows().get(0).getText()).contains("ProxyNotShell autodiscover SSRF attempt");
        stage.selectByValue("success");
        assertThat(visibleFindingRows()).as("the correlation with the events it links").hasSize(1 + SampleResults.LINKED);
        stage.selectByValue("post-exploitation");
        assertThat(chromium.text("shown")).isEqualTo("2 of 5 findings shown");
    }

    @Test
    void searchFindsTextInAFindingOrInAnyOfItsLinkedEvents() {
        WebElement search = driver().findElement(By.name("q"));
        search.sendKeys("2001:db8::5");
        assertThat(visibleFindingRows()).hasSize(1);

        search.clear();
        search.sendKeys("ExchangeServicesClient");
        assertThat(visibleFindingRows()).as("the whole ProxyLogon group").hasSize(1 + SampleResults.LINKED);

        search.clear();
        search.sendKeys("no such text anywhere");
        assertThat(visibleFindingRows()).isEmpty();
        assertThat(driver().findElement(By.cssSelector("#findings-table tr.nothing")).isDisplayed()).isTrue();
        assertThat(chromium.text("shown")).isEqualTo("0 of 5 findings shown");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    @Test
    void aTimelineDotLeadsToItsRowEvenWhenFiltersHidIt() {
        new Select(driver().findElement(By.name("level"))).selectByValue("critical");
        WebElement dot = driver().findElement(By.cssSelector("svg.timeline circle.sev-medium[data-row]"));
        String rowId = dot.getDomAttribute("data-row");
        assertThat(driver().findElement(By.id(rowId)).isDisplayed()).isFalse();
        driver().executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", dot);
        WebElement row = driver().findElement(By.id(rowId));
        assertThat(row.isDisplayed()).isTrue();
        assertThat(row.getDomAttribute("class")).contains("target");
        assertThat(chromium.text("shown")).isEqualTo("5 of 5 findings shown");
    }

    @Test
    void onPaperTheFiltersGoAndEveryVerdictAndFindingStays() throws Exception {
        chromium.emulatePrint(true);
        try {
            assertThat(driver().findElement(By.id("filters")).isDisplayed()).isFalse();
            assertThat(visibleFindingRows()).hasSize(SampleResults.FINDINGS + SampleResults.LINKED);
            Long overflow = (Long) driver().executeScript(
                    "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");
            assertThat(overflow).as("nothing sticks out sideways").isZero();
        } finally {
            chromium.emulatePrint(false);
        }
        byte[] pdf = chromium.printToPdf();
        Files.write(HeadlessChromium.artifact("html-report-print.pdf"), pdf);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(chromium.consoleErrors()).isEmpty();
    }
}
