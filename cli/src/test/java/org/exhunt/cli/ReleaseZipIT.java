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

        Path clean = Examples.example("clean").toAbsolutePath();
        Result scan = run(home, javaBinary(), "-jar", "exhunt.jar", "scan", clean.toString());
        assertThat(scan.code).isZero();
        assertThat(scan.out).contains("Post-exploitation").contains("CLEAN");

        Result compromised = run(home, "sh", "exhunt", "scan",
                Examples.example("hafnium-webshell").toAbsolutePath().toString());
        assertThat(compromised.code).isEqualTo(1);

        assertThat(Files.readString(home.resolve("exhunt.cmd"))).contains("\r\n").contains("-jar \"%~dp0exhunt.jar\"");
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
