package org.exhunt.report.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.exhunt.core.testing.TestEnvironment;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;

/**
 * Debian's Chromium, driven headless through Debian's chromedriver ({@code chromium}, {@code chromium-driver}):
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} when they are there (a matched pair), else the
 * ones on the PATH; both paths are given to Selenium, so Selenium Manager never looks for, or downloads, a driver or a browser.
 * Missing tools skip the test locally and fail it in CI ({@link TestEnvironment}). The browser console is
 * recorded, so a test can assert it holds no errors (a script error, a refused load or a CSP violation).
 */
public final class HeadlessChromium implements AutoCloseable {

    /**
     * Selenium looks for a DevTools binding matching the browser's version and warns when the Chromium is
     * newer than it knows; these tests use only WebDriver and chromedriver's own CDP passthrough.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    public static HeadlessChromium start() {
        Path browser = TestEnvironment.debianTool("chromium", "chromium");
        Path chromedriver = TestEnvironment.debianTool("chromedriver", "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a local file and waits until the page has loaded. */
    public void open(Path file) {
        driver.get(file.toAbsolutePath().toUri().toString());
        waitFor("the page to load", () -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /** Polls {@code condition} for up to 30 seconds; fails the test with {@code what} when it never holds. */
    public void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** Every console entry at level SEVERE (errors) since the last call. */
    public List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    /** How many resources the page fetched besides itself (images, scripts, styles, fonts, XHR, ...). */
    public long resourceLoads() {
        return (Long) driver.executeScript("return performance.getEntriesByType('resource').length");
    }

    /** Renders the page as for paper ({@code @media print}) or back on screen. */
    public void emulatePrint(boolean print) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
    }

    /** A screenshot of the whole page (up to 12,000 pixels high) as a PNG, kept as a build artifact. */
    public void screenshot(Path png) throws IOException {
        Dimension before = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 120, 12_000)));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(before);
    }

    /** The page printed to PDF by Chromium itself. */
    public byte[] printToPdf() {
        return Base64.getDecoder().decode(driver.print(new PrintOptions()).getContent());
    }

    /** Where build artifacts go: the module's {@code target/} (set by the build), else the working folder. */
    public static Path artifact(String name) {
        return Path.of(System.getProperty("exhunt.artifacts", "target"), name);
    }

    /** Convenience: the visible text of the element with this id. */
    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
