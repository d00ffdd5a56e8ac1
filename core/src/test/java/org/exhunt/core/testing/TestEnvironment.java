package org.exhunt.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds what some tests need from outside the project: the shared corpus ({@code ../shared/corpus} or
 * {@code $EXHUNT_CORPUS}) and Debian tools such as {@code yara}. On a user's fresh clone a missing one
 * skips the test with a message saying what to install; in CI ({@code CI=true}) it fails the test, since
 * CI has them all.
 */
public final class TestEnvironment {

    private TestEnvironment() {}

    /** The corpus root, or skip/fail when it is absent. */
    public static Path corpus() {
        String env = System.getenv("EXHUNT_CORPUS");
        String prop = System.getProperty("exhunt.corpus");
        for (String candidate : new String[] {env, prop}) {
            if (candidate != null && !candidate.isBlank() && Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate).toAbsolutePath().normalize();
            }
        }
        return missing("the shared corpus (set EXHUNT_CORPUS or place it at ../shared/corpus)");
    }

    /** A sub-folder of the corpus, or skip/fail when it is absent. */
    public static Path corpus(String relative) {
        Path p = corpus().resolve(relative);
        return Files.exists(p) ? p : missing("corpus folder " + p);
    }

    /** The path of an executable on the PATH, or skip/fail when it is absent. */
    public static Path tool(String name, String debianPackage) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) return candidate;
            }
        }
        return missing("the '" + name + "' tool (apt-get install " + debianPackage + ")");
    }

    /** The yara version the YARA engine is compared with. */
    public static final String YARA_VERSION = "4.2.3";

    /**
     * The {@code yara} executable, when it is {@value #YARA_VERSION} (Debian 12's): another version differs in
     * places (4.3 changed regex and module behaviour), so a comparison with it would fail for the wrong reason.
     */
    public static Path yara() {
        Path yara = debianTool("yara", "yara");
        String version;
        try {
            Process p = new ProcessBuilder(yara.toString(), "--version").redirectErrorStream(true).start();
            version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
        } catch (IOException e) {
            return missing("a working yara " + YARA_VERSION + " (" + yara + " --version failed: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return version.equals(YARA_VERSION) ? yara
                : missing("yara " + YARA_VERSION + ", the reference version (" + yara + " is " + version + ")");
    }

    /**
     * Debian's copy of a tool, {@code /usr/bin/NAME}, when it is there, else the one on the PATH; skip/fail when
     * neither is. For tools that must come as a matched pair from Debian's packages (Chromium and its
     * chromedriver) rather than whatever an earlier PATH entry (a snap, a user's download) holds.
     */
    public static Path debianTool(String name, String debianPackage) {
        Path debian = Path.of("/usr/bin", name);
        return Files.isExecutable(debian) ? debian : tool(name, debianPackage);
    }

    /** True when running in CI, where every external reference must be present. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static <T> T missing(String what) {
        String message = "needs " + what;
        if (inCi()) fail(message + " — CI=true, so this is a failure, not a skip");
        Assumptions.abort("skipped: " + message);
        throw new AssertionError("unreachable");
    }
}
