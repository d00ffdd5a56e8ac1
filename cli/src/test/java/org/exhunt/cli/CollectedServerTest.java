package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.exhunt.hunt.examples.ExampleImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README, "On a real Exchange server", (b): a server without Java is collected with KAPE, Velociraptor's KapeFiles
 * artifact or a plain copy of the README's folders, and the collection is scanned elsewhere. Each collection is made
 * here from the proxylogon-victim image with the paths of KAPE's public target definitions (KapeFiles:
 * {@code Apps/ExchangeClientAccess.tkape}, {@code C:\Program Files\Microsoft\Exchange Server\*\Logging\}, recursive,
 * {@code *.log}; {@code Logs/IISLogFiles.tkape}, {@code C:\inetpub\logs\LogFiles\W3SVC*\}, {@code *.log};
 * {@code Windows/EventLogs.tkape}, {@code C:\Windows\System32\winevt\logs\}, {@code *.evtx}) plus the web folders the
 * README tells to add, written as KAPE writes them ({@code <tdest>\C\...}) and as Velociraptor's offline collector
 * zips them ({@code uploads/auto/C%3A/...}). Each must give what a scan of the whole drive gives for the same files.
 */
class CollectedServerTest {

    /** The KAPE targets' paths and masks, relative to C:\ ('/' for '\', KAPE's masks match without case). */
    private static final List<String> KAPE_TARGETS = List.of(
            "Program Files/Microsoft/Exchange Server/*/Logging/**/*.log",
            "inetpub/logs/LogFiles/W3SVC*/*.log",
            "Windows/System32/winevt/Logs/*.evtx");
    /**
     * What the README adds to KAPE's targets (a plain copy of these): the web folders, the build, IIS's configuration,
     * the places of LSASS dumps and staged archives.
     */
    private static final List<String> WEB_FOLDERS = List.of(
            "inetpub/wwwroot/**",
            "Program Files/Microsoft/Exchange Server/V15/FrontEnd/HttpProxy/**",
            "Program Files/Microsoft/Exchange Server/V15/ClientAccess/**",
            "Program Files/Microsoft/Exchange Server/V15/Bin/ExSetup.exe",
            "Windows/System32/inetsrv/config/*",
            "Windows/Temp/**",
            "ProgramData/*",
            "root/**",
            "ExchangeSetupLogs/**");

    @TempDir
    static Path tmp;
    private static Path drive;
    private static Map<String, Path> collected;

    @BeforeAll
    static void collect() throws IOException {
        drive = ExampleImages.copyWithTheirTimes("proxylogon-victim", tmp.resolve("drive"));
        collected = new TreeMap<>();
        for (String pattern : Stream.concat(KAPE_TARGETS.stream(), WEB_FOLDERS.stream()).toList()) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern.toLowerCase());
            try (Stream<Path> files = Files.walk(drive)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> m.matches(Path.of(drive.relativize(f).toString().replace('\\', '/').toLowerCase())))
                        .forEach(f -> collected.put(drive.relativize(f).toString().replace('\\', '/'), f));
            }
        }
        assertThat(collected.keySet()).anyMatch(p -> p.endsWith(".evtx")).anyMatch(p -> p.contains("HttpProxy/Ecp/"))
                .anyMatch(p -> p.contains("W3SVC1/")).anyMatch(p -> p.endsWith("errorEW.aspx"));
    }

    @Test
    void aKapeTargetFolderIsReadAsTheDriveItCameFrom() throws IOException {
        Path tout = tmp.resolve("kape/tout");
        for (var e : collected.entrySet()) {
            Path copy = tout.resolve("C").resolve(e.getKey());
            Files.createDirectories(copy.getParent());
            Files.copy(e.getValue(), copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.writeString(tout.resolve("2021-03-04T101010_CopyLog.csv"), "CopiedTimestamp,SourceFile\n");
        assertSameAsTheDrive(tmp.resolve("kape"));
    }

    @Test
    void aVelociraptorKapeFilesCollectionZipIsReadAsTheDriveItCameFrom() throws IOException {
        Path zip = tmp.resolve("Collection-EXCH01.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (var e : collected.entrySet()) {
                ZipEntry entry = new ZipEntry("uploads/auto/C%3A/" + e.getKey());
                entry.setLastModifiedTime(Files.getLastModifiedTime(e.getValue()));
                out.putNextEntry(entry);
                Files.copy(e.getValue(), out);
                out.closeEntry();
            }
            for (String meta : List.of("uploads.json", "log.json", "collection_context.json")) {
                out.putNextEntry(new ZipEntry(meta));
                out.write("{}".getBytes());
                out.closeEntry();
            }
        }
        assertSameAsTheDrive(zip);
    }

    /** The collection's verdicts and log findings (rule, time, file on the drive) are those of the whole drive. */
    private static void assertSameAsTheDrive(Path collection) throws IOException {
        List<JsonNode> whole = scan(drive, "whole");
        List<JsonNode> part = scan(collection, "part");
        assertThat(verdicts(part)).isEqualTo(verdicts(whole));
        assertThat(verdicts(part)).contains("ProxyLogon VULNERABLE COMPROMISED", "Post-exploitation NOT_ASSESSED COMPROMISED");
        assertThat(logFindings(part)).isNotEmpty().isEqualTo(logFindings(whole));
    }

    private static List<JsonNode> scan(Path evidence, String name) throws IOException {
        Path report = tmp.resolve(name + "-" + evidence.getFileName() + ".jsonl");
        Files.deleteIfExists(report);
        CliRun run = CliRun.of("scan", "--no-progress", "--quiet", "--server", "EXCH01", "--format", "jsonl", "-o",
                report.toString(), evidence.toString());
        assertThat(run.err()).isEmpty();
        return JsonlResult.lines(report);
    }

    private static List<String> verdicts(List<JsonNode> lines) {
        return JsonlResult.ofType(lines, "verdict").stream().map(v -> v.get("row").asText() + " "
                + v.get("exposure").asText() + " " + v.get("compromise").asText()).toList();
    }

    /** Findings from logs: rule, time and the log's name (its folder differs from one layout to another). */
    private static Set<String> logFindings(List<JsonNode> lines) {
        return JsonlResult.ofType(lines, "finding").stream()
                .filter(f -> f.at("/source/file").asText().toLowerCase().matches(".*\\.(log|evtx)"))
                .map(f -> f.get("rule_id").asText() + " " + f.get("time").asText() + " "
                        + Path.of(f.at("/source/file").asText().replace('\\', '/')).getFileName())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
