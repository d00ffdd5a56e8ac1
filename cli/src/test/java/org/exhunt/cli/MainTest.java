package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void helpListsTheCommandsWithTheirHeadersAndTheExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^  scan +Exposure and compromise verdicts for Exchange server images")
                .containsPattern("(?m)^  build +What an Exchange build is, which attack chains it is exposed to")
                .containsPattern("(?m)^  probe +Remote version and exposure of Exchange servers over the network")
                .contains("Exit codes (the first that applies):")
                .containsPattern("(?m)^ +4 +no evidence of compromise, but exposed");
    }

    /** Issue 26: no command is a usage error, like any other: the usage on standard error, exit code 2. */
    @Test
    void noCommandPrintsTheUsageOnStandardErrorAsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Usage: exhunt [-hV] COMMAND");
    }

    @Test
    void versionNamesExhuntAndTheRulePack() {
        CliRun run = CliRun.of("--version");
        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern("(?m)^exhunt \\d+\\.\\d+\\.\\d+$")
                .containsPattern("(?m)^rule pack \\d{4}\\.\\d{2}\\.\\d{2}$")
                .containsPattern("(?m)^knowledge base \\d{4}\\.\\d{2}\\.\\d{2}$");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.of("scan", "--no-such-option", "x");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void runningOutOfMemoryIsAnInternalErrorThatSaysWhatToDoNotEvidenceOfCompromise() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setErr(new PrintWriter(err, true));
        // as a scan thread's OutOfMemoryError reaches the handler: wrapped by the scan
        int code = Main.internalError(new IllegalStateException("scan of EXCH01 failed", new OutOfMemoryError("Java heap space")),
                cli, null);
        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR).isNotEqualTo(ExitCodes.COMPROMISE);
        assertThat(err.toString()).contains("out of memory").contains("-Xmx");
    }

    /** Issue 20, item 10: the message sent users to an issue tracker that does not exist; it says what to include. */
    @Test
    void anInternalErrorSaysWhatToReportAndPointsToNoAddressThatDoesNotExist() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setErr(new PrintWriter(err, true));

        int code = Main.internalError(new IllegalStateException("bug in C:\\x\u001b[2J.aspx"), cli, null);

        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).contains("exhunt: internal error: java.lang.IllegalStateException: bug in C:\\x\\x1b[2J.aspx")
                .contains("the command line", "exhunt --version", "all the lines below", "README.md, 'Reporting a bug'")
                .contains("at org.exhunt.cli.MainTest.")
                .doesNotContain("http").doesNotContain("\u001b");
    }
}
