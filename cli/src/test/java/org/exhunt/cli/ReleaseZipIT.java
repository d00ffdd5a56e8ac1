package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release zip, unpacked into an unrelated folder, runs with plain {@code java}: no Maven, no build. */
class ReleaseZipIT {

    @TempDir
    Path elsewhere;

    @Test
    void theReleaseZipRunsFromAnotherFolderWithPlainJava() throws Exception {
        Path zip = Path.of(System.getProperty("exhunt.releaseZip"));
        List<String> names = unzip(zip, elsewhere);
        String top = names.get(0).substring(0, names.get(0).indexOf('/') + 1);
        assertThat(names).contains(top + "exhunt.jar", top + "exhunt", top + "exhunt.cmd", top + "README.md",
                top + "LICENSE");
        Path home = elsewhere.resolve(top);
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(home.resolve("exhunt.jar").toFile())) {
            assertThat(jar.stream().map(ZipEntry::getName)).as("exhunt stays free of Spark (exhunt-spark is its own jar)")
                    .noneMatch(n -> n.startsWith("org/apache/spark/") || n.startsWith("org/apache/hadoop/")
                            || n.startsWith("org/exhunt/spark/") || n.startsWith("scala/"));
        }
        Files.setPosixFilePermissions(home.resolve("exhunt"), PosixFilePermissions.fromString("rwxr-xr-x"));

        Result version = run(home, "sh", "exhunt", "--version");
        assertThat(version.code).isZero();
        assertThat(version.out).startsWith("exhunt ");

        Path clean = Examples.example(Examples.CLEARED).toAbsolutePath();
        Result scan = run(home, javaBinary(), "-jar", "exhunt.jar", "scan", clean.toString());
        assertThat(scan.code).isZero();
        assertThat(scan.out).contains("Post-exploitation").contains("CLEAN");

        Result compromised = run(home, "sh", "exhunt", "scan",
                Examples.example("hafnium-webshell").toAbsolutePath().toString());
        assertThat(compromised.code).isEqualTo(1);

        assertThat(Files.readString(home.resolve("exhunt.cmd"))).contains("\r\n").contains("-jar \"%~dp0exhunt.jar\"");
    }

    /** Issue 26: the release's README links to its docs, and the zip holds them. */
    @Test
    void everyLinkOfTheReleasesReadmeResolvesInsideTheZip() throws Exception {
        Path home = unpacked();
        Readme readme = new Readme(Files.readString(home.resolve("README.md")));
        List<String> files = readme.links().stream().filter(l -> !l.startsWith("#") && !l.contains("://")).toList();
        assertThat(files).contains("docs/evidence-handling.md", "docs/report-formats.md");
        for (String link : files) {
            String path = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
            assertThat(home.resolve(path)).as("the README's link %s, in the release zip", link).exists();
        }
    }

    /**
     * README, "On a real Exchange server", (c): the jlink command's module list makes a runtime that runs a scan
     * (here with this JDK's jlink, for this system; on Windows the same list, with a Windows JDK).
     */
    @Test
    void theReadmesJlinkModulesMakeARuntimeThatScans() throws Exception {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(jlink) || "true".equals(System.getenv("CI")),
                "no jlink in " + System.getProperty("java.home") + " (a JRE, not a JDK)");
        Path home = unpacked();
        String readme = Files.readString(home.resolve("README.md"));
        java.util.regex.Matcher modules = java.util.regex.Pattern.compile("jlink --add-modules (\\S+)").matcher(readme);
        assertThat(modules.find()).as("the README's jlink command").isTrue();
        Path runtime = elsewhere.resolve("exhunt-runtime");
        Result made = run(home, jlink.toString(), "--add-modules", modules.group(1), "--strip-debug", "--no-man-pages",
                "--no-header-files", "--output", runtime.toString());
        assertThat(made.code).as("jlink: %s", made.out).isZero();
        Result scan = run(home, runtime.resolve("bin/java").toString(), "-jar", "exhunt.jar", "scan", "--no-progress",
                Examples.example("proxylogon-victim").toAbsolutePath().toString());
        assertThat(scan.out).contains("ProxyLogon").contains("COMPROMISED").contains("Summary");
        assertThat(scan.code).isEqualTo(1);
    }

    private Path unpacked() throws IOException {
        List<String> names = unzip(Path.of(System.getProperty("exhunt.releaseZip")), elsewhere);
        return elsewhere.resolve(names.get(0).substring(0, names.get(0).indexOf('/') + 1));
    }

    private record Result(int code, String out) {}

    private static Result run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> unzip(Path zip, Path into) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.isDirectory()) continue;
                names.add(e.getName());
                Path to = into.resolve(e.getName()).normalize();
                assertThat(to.startsWith(into)).as("entry %s stays inside the folder", e.getName()).isTrue();
                Files.createDirectories(to.getParent());
                Files.copy(z, to);
            }
        }
        return names;
    }
}
