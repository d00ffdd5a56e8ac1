package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 6: {@code dump} and {@code sigma} never open what would block or never end. A FIFO given as input
 * is refused at once (a usage error, as {@code scan} refuses it); in a folder, a FIFO or a link to a device named
 * like a log is skipped, and said so.
 */
class SpecialInputsTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(20); // a blocked open never returns
    private static final String RULE = """
            title: Anything
            id: 11111111-2222-3333-4444-555555555555
            level: low
            logsource: {product: windows, category: process_creation}
            detection:
                selection:
                    Image|endswith: '.exe'
                condition: selection
            """;

    @TempDir
    Path tmp;

    private Path fifo;
    private Path rules;

    @BeforeEach
    void inputs() throws Exception {
        fifo = tmp.resolve("u_ex210303.log");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();
        rules = Files.writeString(tmp.resolve("rule.yml"), RULE);
    }

    @Test
    void aFifoGivenAsInputIsAUsageErrorAtOnce() {
        CliRun dump = assertTimeoutPreemptively(AT_ONCE, () -> CliRun.of("dump", fifo.toString()));
        CliRun sigma = assertTimeoutPreemptively(AT_ONCE, () -> CliRun.of("sigma", "-r", rules.toString(), fifo.toString()));

        for (CliRun run : new CliRun[] {dump, sigma}) {
            assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("not a regular file or folder: " + fifo + " (a FIFO (named pipe)");
        }
    }

    @Test
    void inAFolderFifosAndDevicesNamedLikeLogsAreSkippedAndSaidSo() throws IOException {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Files.move(fifo, logs.resolve("u_ex210303.log"));
        Files.createSymbolicLink(logs.resolve("Security.evtx"), Path.of("/dev/zero"));
        Files.writeString(logs.resolve("events.json"), """
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}}, "EventID": 1,
                  "Channel": "Microsoft-Windows-Sysmon/Operational"}, "EventData": {"Image": "C:\\\\x\\\\cmd.exe"}}}
                """);

        CliRun dump = assertTimeoutPreemptively(AT_ONCE, () -> CliRun.of("dump", logs.toString()));
        CliRun sigma = assertTimeoutPreemptively(AT_ONCE, () -> CliRun.of("sigma", "-r", rules.toString(), logs.toString()));

        assertThat(dump.code()).isEqualTo(ExitCodes.OK);
        assertThat(dump.out()).contains("cmd.exe");
        assertThat(sigma.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(sigma.out()).contains("events.json");
        for (CliRun run : new CliRun[] {dump, sigma}) {
            assertThat(run.err()).contains(logs.resolve("u_ex210303.log") + ": not read: a FIFO (named pipe), not a regular file")
                    .contains(logs.resolve("Security.evtx") + ": not read: a symbolic link to a device, not a regular file")
                    .contains("[input.special]");
        }
    }
}
