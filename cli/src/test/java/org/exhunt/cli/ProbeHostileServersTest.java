package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.exhunt.testkit.emulator.Behaviour;
import org.exhunt.testkit.emulator.Behaviour.Kind;
import org.exhunt.testkit.emulator.Behaviour.Tls;
import org.exhunt.testkit.emulator.ExchangeEmulator;
import org.junit.jupiter.api.Test;

/** Issue 20: {@code exhunt probe} against hostile servers on loopback. */
class ProbeHostileServersTest {

    private static CliRun probe(Kind kind, String... options) throws Exception {
        try (ExchangeEmulator e = ExchangeEmulator.start(List.of(Behaviour.of(kind).tls(Tls.NONE)))) {
            String[] args = new String[options.length + 3];
            args[0] = "probe";
            args[1] = "--no-progress";
            System.arraycopy(options, 0, args, 2, options.length);
            args[args.length - 1] = e.target(0);
            return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of(args));
        }
    }

    /** Item 6: {@code --timeout} covers the whole request, the body included. */
    @Test
    void aServerThatDripsItsBodyIsATimeoutNotAProbeThatNeverEnds() throws Exception {
        long start = System.nanoTime();
        CliRun run = probe(Kind.DRIP_BODY, "--timeout", "1", "--retries", "0");

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).contains("Status: NO_ANSWER").contains("no complete response within 1000 ms");
    }

    /** Item 6: an endless chunked body is read up to the body cap, and no further. */
    @Test
    void anEndlessChunkedBodyIsCutAtTheCap() throws Exception {
        CliRun run = probe(Kind.ENDLESS_CHUNKED, "--timeout", "5", "--retries", "0");

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Status: NOT_EXCHANGE");
    }

    /** Item 7: a redirect where OWA should answer (a portal in front of it) is UNKNOWN, naming where it leads. */
    @Test
    void aRedirectToAPortalIsUnknownNotNotExchange() throws Exception {
        CliRun run = probe(Kind.REDIRECT_AWAY);

        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).containsPattern("(?m) ProxyLogon +UNKNOWN +not assessed +redirected to"
                + " https://elsewhere\\.invalid/owa/auth/logon\\.aspx: ").doesNotContain("NOT_AFFECTED");
    }
}
