package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhunt.testkit.emulator.Behaviour;
import org.exhunt.testkit.emulator.Behaviour.Kind;
import org.exhunt.testkit.emulator.Behaviour.Tls;
import org.exhunt.testkit.emulator.ExchangeEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 8: text from the evidence, the rules or the network reaches no human output raw. ESC sequences
 * (which clear a terminal or set its title), BEL and the C1 control CSI (U+009B) are shown as escapes by {@code scan}
 * (console, HTML, CSV), {@code sigma} and {@code probe}.
 */
class PrintableOutputTest {

    /** ESC [2J clears the screen, ESC ]0;...BEL sets the window title, U+009B is CSI on its own. */
    private static final String HOSTILE = "\u001b[2J\u001b]0;pwned\u0007\u009b31m";
    private static final String SHOWN = "\\x1b[2J\\x1b]0;pwned\\x07\\u009b31m";

    @TempDir
    Path tmp;

    @Test
    void aScanShowsAFileNameFullOfControlsAsEscapesInEveryHumanFormat() throws IOException {
        Path image = Examples.copyWithTheirTimes("clean", tmp.resolve("image"));
        Files.writeString(image.resolve("inetpub/wwwroot/aspnet_client/x" + HOSTILE + ".aspx"), "<%@ Page %>");
        Path prefix = tmp.resolve("report");

        CliRun run = CliRun.of("scan", "--format", "console,csv,html", "-o", prefix.toString(), image.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.COMPROMISE);
        for (String format : List.of("txt", "csv", "html")) {
            String report = Files.readString(Path.of(prefix + "." + format), StandardCharsets.UTF_8);
            assertThat(report).as(format).contains("x" + SHOWN + ".aspx");
            assertNoControls(format, report);
        }
    }

    @Test
    void sigmaShowsEvidenceNamesAndRuleTitlesAsEscapes() throws IOException {
        Path rule = Files.writeString(tmp.resolve("rule.yml"), """
                title: "Whoami \\e[2J\\u009b31m"
                id: 11111111-2222-3333-4444-555555555555
                level: high
                logsource: {product: windows, category: process_creation}
                detection:
                    selection:
                        Image|endswith: '\\\\whoami.exe'
                    condition: selection
                """);
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(logs.resolve("events" + HOSTILE + ".json"), """
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}}, "EventID": 1,
                  "Channel": "Microsoft-Windows-Sysmon/Operational"}, "EventData": {"Image": "C:\\\\x\\\\whoami.exe"}}}
                """);

        CliRun run = CliRun.of("sigma", "-r", rule.toString(), logs.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out()).contains("events" + SHOWN + ".json:1").contains("Whoami \\x1b[2J\\u009b31m");
        assertNoControls("sigma", run.out() + run.err());
    }

    @Test
    void probeShowsWhatTheServerSentAsEscapes() throws Exception {
        CliRun page = probe(Kind.HOSTILE_TEXT);
        CliRun header = probe(Kind.HOSTILE_HEADER);

        // the page's title (whose C0 controls the page reader drops, not its C1) and Server header, in the reason
        assertThat(page.out()).contains("not Exchange: title '[2J]0;pwnedOWA\\u009b31m', Server: nginx\\u009b8m");
        // the HTTP client's own error, which quotes the header it refused
        assertThat(header.out()).contains("not HTTP: Invalid header value \"Server: nginx\\x1b]0;pwned");
        assertNoControls("probe", page.out() + header.out());
    }

    private static CliRun probe(Kind kind) throws Exception {
        try (ExchangeEmulator e = ExchangeEmulator.start(List.of(Behaviour.of(kind).tls(Tls.NONE)))) {
            return CliRun.of("probe", "--no-progress", "--retries", "0", e.target(0));
        }
    }

    private static void assertNoControls(String what, String text) {
        assertThat(text.chars().filter(c -> c == 0x1b || c == 0x07 || (c >= 0x80 && c <= 0x9f)).count())
                .as("raw control characters in %s", what).isZero();
    }
}
