package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 26: a usage error is the message and one hint line, not the whole help after it (82 lines for scan, which
 * pushed the one useful line out of sight). Every command, every kind of usage error: picocli's own (a missing
 * parameter, an unknown option, a bad value) and the commands' own checks.
 */
class UsageErrorsTest {

    @ParameterizedTest(name = "exhunt {0}")
    @CsvSource(delimiter = '|', value = {
        "scan | Missing required parameter: 'PATH'",
        "scan --no-such-option x | Unknown option: '--no-such-option'",
        "scan --threads 0 . | --threads must be at least 1",
        "scan --format pdf . | Invalid value for option '--format'",
        "scan --format html,csv . | several formats (html,csv) need -o PREFIX",
        "scan no/such/folder | no such file or directory: no/such/folder",
        "probe | no target: give TARGET... or --targets FILE",
        "probe --concurrency 0 mail.example | --concurrency must be 1 or more",
        "probe http://a:b:c/ http://[x/ ftp://x | targets that are not host, host:port or URL",
        "build | Missing required parameter: 'VERSION'",
        "build x.y | 'x.y' is not a build number",
        "sigma | Missing required options and parameters",
        "sigma -r no/such/rules . | no such file or folder: no/such/rules",
        "rules check | Missing required parameter: 'DIR'",
        "rules check no/such/rules | no such file or folder: no/such/rules",
        "rules | Usage: exhunt rules",
        "dump | Missing required parameter: 'FILE'",
        "dump no/such/log | no such file or directory: no/such/log",
        "scna examples/clean | unknown command 'scna'",
    })
    void aUsageErrorIsItsMessageAndOneHintLineWithExitCode2(String args, String message) {
        CliRun run = CliRun.of(args.trim().split(" +"));

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).as("standard output").isEmpty();
        assertThat(run.err()).contains(message);
        if (!args.trim().equals("rules")) {
            assertThat(run.err().lines().toList()).as(run.err()).hasSizeLessThanOrEqualTo(3)
                    .last().asString().contains("Try 'exhunt").contains("--help' for more information.");
        }
    }

    /** exhunt yara answers as yara does: 1 on any error, a usage error included (yara 4.2.3 exits 1 on them too). */
    @ParameterizedTest(name = "exhunt {0}")
    @CsvSource(delimiter = '|', value = {
        "yara | Missing required parameter: 'RULES... TARGET'",
        "yara --no-such-option r.yar x | Unknown option: '--no-such-option'",
        "yara -p x r.yar x | Invalid value for option '--threads'",
        "yara only-one-argument | yara: wrong number of arguments",
    })
    void yarasUsageErrorIsAsShortWithYarasExitCode(String args, String message) {
        CliRun run = CliRun.of(args.trim().split(" +"));

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(message);
        assertThat(run.err().lines().toList()).as(run.err()).hasSizeLessThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "exhunt {0} --help")
    @CsvSource({"scan", "probe", "build", "yara", "sigma", "rules check", "dump"})
    void helpIsNoErrorAndGoesToStandardOutput(String command) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: exhunt " + command).contains("Exit codes");
        assertThat(run.err()).isEmpty();
    }
}
