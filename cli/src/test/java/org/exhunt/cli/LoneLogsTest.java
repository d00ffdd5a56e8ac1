package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.exhunt.core.Compromise;
import org.exhunt.core.Rows;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Verdict;
import org.exhunt.hunt.examples.ExampleImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A responder handed one log by a customer gets the chain's verdict from it: {@code exhunt scan FILE} with one IIS
 * log, one HttpProxy log or one event log copied out of an example image (or a folder of logs without the drive
 * around them) reads it as the log it is, by its content. Compared: the compromise verdict of every chain row the
 * lone log shows evidence for (ATTEMPTED or COMPROMISED) against the whole image's verdict of that row, and that
 * the expected rows are among them. Not compared: exposure (the lone log may not show the build, which the image's
 * ExSetup.exe does) and the rows without evidence (a lone log's window is not the image's).
 */
class LoneLogsTest {

    private static final String INSTALL = "Program Files/Microsoft/Exchange Server/V15/";

    @TempDir
    static Path tmp;

    private static final Map<String, ServerResult> WHOLE = new HashMap<>();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            proxyshell-victim | inetpub/logs/LogFiles/W3SVC1/u_ex210821.log                         | ProxyShell
            proxylogon-victim | Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/Ecp/HttpProxy_2021030300-1.LOG | ProxyLogon
            attempted-only    | inetpub/logs/LogFiles/W3SVC1/u_ex230321.log                         | ProxyLogon ProxyShell ProxyNotShell CVE-2020-0688
            proxyshell-victim | Windows/System32/winevt/Logs/MSExchange Management.evtx             | ProxyShell
            """)
    void aLoneLogGivesTheWholeImagesVerdictForTheChainsItShows(String image, String log, String chains) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve(image + "-" + log.hashCode())).resolve(Path.of(log).getFileName().toString());
        Files.copy(ExampleImages.image(image).resolve(log), copy);
        ServerResult lone = scan(copy);
        assertThat(lone.facts().scan().examined().logFilesRead()).isEqualTo(1);
        assertShown(lone, whole(image), chains);
        assertThat(row(lone, Rows.POST_EXPLOITATION).compromise()).isEqualTo(Compromise.CANNOT_TELL);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            proxylogon-victim | Logging/HttpProxy | ProxyLogon
            """)
    void aFolderOfLogsWithoutTheDriveAroundThemIsReadToo(String image, String folder, String chains) throws IOException {
        Path source = ExampleImages.image(image).resolve(INSTALL + folder);
        Path copy = tmp.resolve(image + "-logs");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path to = copy.resolve(source.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        ServerResult lone = scan(copy);
        assertThat(lone.facts().scan().examined().logFilesRead()).isGreaterThan(1);
        assertShown(lone, whole(image), chains);
    }

    private static void assertShown(ServerResult lone, ServerResult whole, String chains) {
        List<String> shown = lone.verdicts().stream().filter(v -> !v.row().equals(Rows.POST_EXPLOITATION))
                .filter(Verdict::hasEvidenceOfCompromise).map(Verdict::row).toList();
        assertThat(shown).containsAll(List.of(chains.split(" ")));
        for (String row : shown) {
            assertThat(row(lone, row).compromise()).as(row + ": " + row(lone, row).detail())
                    .isEqualTo(row(whole, row).compromise());
        }
    }

    private static ServerResult whole(String image) throws IOException {
        if (!WHOLE.containsKey(image)) WHOLE.put(image, scan(ExampleImages.image(image)));
        return WHOLE.get(image);
    }

    private static ServerResult scan(Path input) throws IOException {
        Path report = tmp.resolve("report-" + Math.abs(input.toString().hashCode()) + ".jsonl");
        CliRun run = CliRun.of("scan", "--no-progress", "--format", "jsonl", "-o", report.toString(), input.toString());
        assertThat(run.code()).as(run.err()).isIn(1, 3, 4);
        return JsonlResult.read(report);
    }

    private static Verdict row(ServerResult r, String row) {
        return r.verdicts().stream().filter(v -> v.row().equals(row)).findFirst().orElseThrow();
    }
}
