package org.exhunt.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.exhunt.core.Compromise;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.ActiveCheckResult;
import org.exhunt.core.facts.BuildSighting;
import org.exhunt.core.facts.BuildSource;
import org.exhunt.core.facts.Certificate;
import org.exhunt.core.facts.ProbeFacts;
import org.exhunt.testkit.emulator.Behaviour;
import org.exhunt.testkit.emulator.Behaviour.Kind;
import org.exhunt.testkit.emulator.Behaviour.ProxyLogon;
import org.exhunt.testkit.emulator.Behaviour.Tls;
import org.exhunt.testkit.emulator.ExchangeEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The probe against emulated Exchange servers on loopback (EXCHANGE.md §d). Exposures are written per row in
 * report order (ProxyLogon, ProxyShell, ProxyNotShell, CVE-2020-0688, CVE-2021-42321, CVE-2021-33766,
 * CVE-2021-31196) as one letter each: P patched, V vulnerable, N not affected, U unknown, M mitigated.
 */
class ProbeTest {

    private static final ProbeOptions FAST = new ProbeOptions(false, 8, Duration.ofSeconds(2), Duration.ofSeconds(2), 1,
            Duration.ofMillis(20), 0, 256 * 1024);

    private static List<ServerResult> probe(ProbeOptions options, List<String> targets) throws InterruptedException {
        List<ServerResult> results = Collections.synchronizedList(new ArrayList<>());
        new Probe(TestKb.KB, options).run(targets.stream().map(Target::parse).toList(), results::add, Probe.Progress.SILENT);
        return results;
    }

    private static ServerResult probeOne(ProbeOptions options, Behaviour b) throws Exception {
        try (ExchangeEmulator emulator = ExchangeEmulator.start(List.of(b))) {
            return probe(options, List.of(emulator.target(0))).get(0);
        }
    }

    /** What the probe saw of the target. */
    private static ProbeFacts seen(ServerResult r) {
        return r.facts().probe();
    }

    private static String letters(ServerResult r) {
        return r.verdicts().stream().map(v -> switch (v.exposure()) {
            case PATCHED -> "P";
            case VULNERABLE -> "V";
            case NOT_AFFECTED -> "N";
            case UNKNOWN -> "U";
            case MITIGATED -> "M";
            case NOT_ASSESSED -> "-";
        }).collect(Collectors.joining());
    }

    private static Verdict row(ServerResult r, String name) {
        return r.verdicts().stream().filter(v -> v.row().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        // build          | sources shown: header, manifest, ECP folders | expected
        "15.1.2176.2   | header   | VVVPVVV | Exchange Server 2016 CU19, released 2020-12-15",
        "15.1.2507.72  | header   | PPPPPPP | Exchange Server 2016 CU23 Aug26SU",
        "15.0.1497.2   | header   | VVVVNVV | Exchange Server 2013 CU23, released 2019-06-18",
        "15.0.1497.48  | manifest | PPPPNPP | Exchange Server 2013 CU23 Mar23SU",
        "15.2.792.3    | manifest | VVVPVVV | Exchange Server 2019 CU8, released 2020-12-15",
        "15.2.1748.49  | header   | PPPPPPP | Exchange Server 2019 CU15 Aug26SU",
        "15.2.2562.46  | manifest | PPPPPPP | Exchange Server SE RTM Aug26SU",
        "15.1.2176.9   | folders  | PVVPVVV | Exchange Server 2016 CU19 Mar21SU",
        "15.2.986.36   | folders  | PPPPPPP | Exchange Server 2019 CU11 Nov22SU",
    })
    void exchangeServersOfEveryProductAreTheirBuildAndItsExposure(String build, String source, String exposures,
                                                                 String knownAs) throws Exception {
        Behaviour b = Behaviour.exchange(build, true, true)
                .showing(source.equals("header"), source.equals("manifest"), source.equals("folders"));
        ServerResult r = probeOne(FAST, b);

        assertThat(letters(r)).isEqualTo(exposures);
        assertThat(r.verdicts()).allSatisfy(v -> assertThat(v.compromise()).isEqualTo(Compromise.NOT_ASSESSED));
        assertThat(seen(r)).extracting(ProbeFacts::status, ProbeFacts::pageTitle, ProbeFacts::serverHeader)
                .containsExactly("EXCHANGE_BUILD", "Outlook", "Microsoft-IIS/10.0");
        BuildSighting chosen = r.facts().build().chosen();
        assertThat(chosen.build()).isEqualTo(build);
        assertThat(chosen.name()).startsWith(knownAs);
        assertThat(chosen.source()).isEqualTo(BuildSource.HTTP);
        assertThat(chosen.path()).isEqualTo(switch (source) {
            case "header" -> "X-OWA-Version header";
            case "manifest" -> "export tool manifest";
            default -> "ECP folder /ecp/" + build + "/";
        });
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.isIncomplete()).isFalse();
    }

    @Test
    void theCuAloneIsSaidToBeTheCuWithItsSuLevelUnknown() throws Exception {
        ServerResult r = probeOne(FAST, Behaviour.exchange("15.1.2176.14", true, true).showing(false, false, false));

        assertThat(letters(r)).isEqualTo("UUVPVUV");
        assertThat(seen(r).status()).isEqualTo("EXCHANGE_CU");
        assertThat(r.facts().build().chosen()).isEqualTo(new BuildSighting("15.1.2176",
                "Exchange Server 2016 CU19 (update level unknown)", BuildSource.HTTP, "OWA asset folders (CU only)", null, null));
        assertThat(row(r, "ProxyLogon").reason()).isEqualTo("update level unknown: fixed from CU19 Mar21SU (15.1.2176.9) on");
    }

    @Test
    void internalNamesAndTheCertificateAreReported() throws Exception {
        ServerResult r = probeOne(FAST, Behaviour.exchange("15.1.2507.72", false, false));

        assertThat(seen(r).internalNames()).containsExactly(Map.entry("X-FEServer", "EX01"));
        Certificate c = seen(r).certificate();
        assertThat(c.subject()).startsWith("CN=ex01.contoso.test,O=exhunt test");
        assertThat(c.selfSigned()).isTrue();
        assertThat(c.notBefore().toString()).startsWith("2026-01-01");
        assertThat(c.names()).containsExactly("ex01.contoso.test", "mail.contoso.test");
        assertThat(c.expired()).isFalse();
        Finding cert = r.findings().stream().filter(f -> f.ruleId().equals("exhunt.probe.certificate")).findFirst().orElseThrow();
        assertThat(cert.evidence("self_signed")).isEqualTo("true");
        assertThat(cert.evidence("expired")).isEqualTo("false");
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("exhunt.probe.internal-name");
            assertThat(f.evidence("value")).isEqualTo("EX01");
        });
    }

    @Test
    void anExpiredCertificateIsAcceptedForFingerprintingAndSaidToBeExpired() throws Exception {
        ServerResult r = probeOne(FAST, Behaviour.exchange("15.1.2176.2", true, true).tls(Tls.EXPIRED));
        assertThat(seen(r).status()).isEqualTo("EXCHANGE_BUILD");
        assertThat(seen(r).certificate().subject()).contains("CN=old.contoso.test");
        assertThat(seen(r).certificate().expired()).isTrue();
    }

    // ---- active checks ----------------------------------------------------------------------------------------

    @Test
    void withoutActiveNoExploitPrimitiveIsSent() throws Exception {
        try (ExchangeEmulator e = ExchangeEmulator.start(List.of(Behaviour.exchange("15.1.2176.2", true, true)))) {
            ServerResult r = probe(FAST, List.of(e.target(0))).get(0);
            assertThat(e.requests(0)).containsExactly("GET /owa/auth/logon.aspx");
            assertThat(letters(r)).isEqualTo("VVVPVVV");
            assertThat(seen(r).activeChecks()).isEmpty();
        }
    }

    @Test
    void theProxyLogonSsrfAndProxyShellAutodiscoverChecksConfirmAVulnerableServer() throws Exception {
        try (ExchangeEmulator e = ExchangeEmulator.start(List.of(Behaviour.exchange("15.1.2176.2", true, true)))) {
            ServerResult r = probe(FAST.withActive(true), List.of(e.target(0))).get(0);

            assertThat(e.requests(0)).containsExactly("GET /owa/auth/logon.aspx", "GET /owa/auth/x.js +cookie",
                    "GET /autodiscover/autodiscover.json?@test.com/owa/?&Email=autodiscover/autodiscover.json%3F@test.com");
            assertThat(row(r, "ProxyLogon").exposure()).isEqualTo(Exposure.VULNERABLE);
            assertThat(row(r, "ProxyLogon").reason()).startsWith("ProxyLogon SSRF works (X-CalculatedBETarget: localhost); fixed by CU19 Mar21SU");
            assertThat(row(r, "ProxyShell").reason()).startsWith("ProxyShell Autodiscover SSRF works (HTTP 302); fixed by CU19 May21SU");
            assertThat(r.findings()).anySatisfy(f -> {
                assertThat(f.ruleId()).isEqualTo("exhunt.probe.active.proxylogon-ssrf");
                assertThat(f.evidence("result")).isEqualTo("REACHABLE");
            });
        }
    }

    @Test
    void eomtsAbortedRequestsMakeAVulnerableBuildMitigatedUnderActiveOnly() throws Exception {
        Behaviour eomt = Behaviour.exchange("15.1.2176.2", true, true).proxyLogon(ProxyLogon.ABORTED);

        ServerResult passive = probeOne(FAST, eomt);
        assertThat(row(passive, "ProxyLogon").exposure()).isEqualTo(Exposure.VULNERABLE);

        ServerResult active = probeOne(FAST.withActive(true), eomt);
        assertThat(row(active, "ProxyLogon").exposure()).isEqualTo(Exposure.MITIGATED);
        assertThat(row(active, "ProxyLogon").reason()).startsWith("vulnerable build, the request with the X-BEResource cookie"
                + " was aborted (").endsWith("): an EOMT rewrite rule (fixed by CU19 Mar21SU (15.1.2176.9, KB5000871, 2021-03-02))");
        assertThat(seen(active).status()).isEqualTo("MITIGATED");
        assertThat(row(active, "ProxyShell").exposure()).isEqualTo(Exposure.VULNERABLE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Exchange 2013 CU23, 15.0.1497.2", "Exchange 2019 CU8, 15.2.792.3"})
    void eomtMitigatesProxyLogonOnEveryFamilysVulnerableBuilds(String product, String build) throws Exception {
        Behaviour eomt = Behaviour.exchange(build, true, true).proxyLogon(ProxyLogon.ABORTED);
        ServerResult active = probeOne(FAST.withActive(true), eomt);
        assertThat(row(active, "ProxyLogon").exposure()).as(product).isEqualTo(Exposure.MITIGATED);
        assertThat(row(active, "ProxyLogon").reason()).contains("an EOMT rewrite rule");
        assertThat(seen(active).status()).isEqualTo("MITIGATED");
    }

    @Test
    void aFixedServerAnswersThePrimitivesAsFixedAndStaysPatched() throws Exception {
        ServerResult r = probeOne(FAST.withActive(true), Behaviour.exchange("15.1.2507.72", false, false));
        assertThat(letters(r)).isEqualTo("PPPPPPP");
        assertThat(seen(r).activeChecks()).extracting(ActiveCheckResult::check, ActiveCheckResult::result, ActiveCheckResult::seen)
                .containsExactly(tuple("ProxyLogon SSRF", "NOT_REACHABLE", "HTTP 404, no X-CalculatedBETarget"),
                        tuple("ProxyShell Autodiscover SSRF", "NOT_REACHABLE", "HTTP 400"));
        assertThat(row(r, "ProxyLogon").reason()).endsWith("; active check: HTTP 404, no X-CalculatedBETarget");
    }

    // ---- failure modes ------------------------------------------------------------------------------------------

    @Test
    void aClosedPortIsNoAnswer() throws Exception {
        ServerResult r = probe(FAST, List.of("https://127.0.0.1:" + ExchangeEmulator.closedPort())).get(0);
        assertFailed(r, "NO_ANSWER", "probe.no-answer", "no answer: connection refused");
    }

    /** Issue 26: a name that does not resolve is said in words, not as the JDK's exception class. */
    @Test
    void aNameThatDoesNotResolveIsADnsFailureInWords() throws Exception {
        ServerResult r = probe(FAST, List.of("https://exhunt-probe-test.invalid")).get(0);
        assertFailed(r, "NO_ANSWER", "probe.no-answer", "no answer: host name not found (DNS)");
    }

    @Test
    void aServerThatNeverAnswersTimesOutAsNoAnswer() throws Exception {
        ProbeOptions impatient = new ProbeOptions(false, 8, Duration.ofSeconds(2), Duration.ofMillis(300), 1,
                Duration.ofMillis(10), 0, 256 * 1024);
        ServerResult r = probeOne(impatient, Behaviour.of(Kind.SILENT).tls(Tls.NONE));
        assertFailed(r, "NO_ANSWER", "probe.no-answer", "no answer: timed out");
    }

    @Test
    void plainHttpOnAnHttpsTargetIsATlsFailure() throws Exception {
        try (ExchangeEmulator e = ExchangeEmulator.start(List.of(Behaviour.exchange("15.1.2176.2", true, true).tls(Tls.NONE)))) {
            ServerResult r = probe(FAST, List.of("https://127.0.0.1:" + e.port(0))).get(0);
            assertFailed(r, "TLS_FAILURE", "probe.tls-failure", "TLS failure: handshake failed");
        }
    }

    @Test
    void somethingThatIsNotHttpIsGarbage() throws Exception {
        ServerResult r = probeOne(FAST, Behaviour.of(Kind.GARBAGE).tls(Tls.NONE));
        assertFailed(r, "GARBAGE", "probe.garbage", "not HTTP: ");
    }

    private static void assertFailed(ServerResult r, String status, String code, String reason) {
        assertThat(seen(r).status()).isEqualTo(status);
        assertThat(r.facts().build()).as("no build was looked for").isNull();
        assertThat(r.verdicts()).hasSize(7).allSatisfy(v -> {
            assertThat(v.exposure()).isEqualTo(Exposure.UNKNOWN);
            assertThat(v.reason()).startsWith(reason).doesNotContainPattern("[A-Z]\\w*(Exception|Error)\\b");
        });
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.level()).isEqualTo(Diagnostic.Level.ERROR);
            assertThat(d.code()).isEqualTo(code);
        });
        assertThat(r.isIncomplete()).isTrue();
    }

    @Test
    void anotherWebServerIsNotExchangeAndNotAffected() throws Exception {
        ServerResult r = probeOne(FAST, Behaviour.of(Kind.OTHER_WEB));
        assertThat(seen(r)).extracting(ProbeFacts::status, ProbeFacts::pageTitle, ProbeFacts::serverHeader, ProbeFacts::requests)
                .containsExactly("NOT_EXCHANGE", "404 Not Found", "nginx", 2);
        assertThat(r.facts().build()).isNull();
        assertThat(letters(r)).isEqualTo("NNNNNNN");
        assertThat(row(r, "ProxyLogon").reason()).isEqualTo("not Exchange: title '404 Not Found', Server: nginx");
        assertThat(r.isIncomplete()).isFalse();
    }

    /**
     * Issue 20, item 7: a reverse proxy in front of OWA answers with a redirect to its pre-authentication portal.
     * The redirect is not followed, and what runs behind it is unknown: not "not Exchange".
     */
    @Test
    void aRedirectOffTheTargetIsNeverFollowedAndLeavesTheExposureUnknown() throws Exception {
        try (ExchangeEmulator e = ExchangeEmulator.start(List.of(Behaviour.of(Kind.REDIRECT_AWAY)))) {
            ServerResult r = probe(FAST, List.of(e.target(0))).get(0);
            assertThat(e.requests(0)).containsExactly("GET /owa/auth/logon.aspx", "GET /owa/");
            assertThat(seen(r)).extracting(ProbeFacts::status, ProbeFacts::redirect)
                    .containsExactly("REDIRECTED", "https://elsewhere.invalid/owa/auth/logon.aspx");
            assertThat(letters(r)).isEqualTo("UUUUUUU");
            assertThat(row(r, "ProxyLogon").reason())
                    .startsWith("redirected to https://elsewhere.invalid/owa/auth/logon.aspx: a reverse proxy or pre-authentication portal");
            assertThat(r.verdicts()).allSatisfy(v -> assertThat(v.isUndecided()).isTrue());
        }
    }

    /**
     * Issue 20, item 6: the timeout covers the whole request. A server that sends its head and then drips its body,
     * or sends a chunked body that never ends, is a timeout (or a capped body), not a probe that never ends.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"DRIP_BODY", "ENDLESS_CHUNKED"})
    void aBodyThatNeverEndsEndsWithinTheTimeout(Kind kind) throws Exception {
        ProbeOptions oneSecond = new ProbeOptions(false, 8, Duration.ofSeconds(2), Duration.ofSeconds(1), 0,
                Duration.ofMillis(10), 0, 256 * 1024);
        long start = System.nanoTime();
        ServerResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> probeOne(oneSecond, Behaviour.of(kind).tls(Tls.NONE)));
        long millis = (System.nanoTime() - start) / 1_000_000;

        // each request is bounded by the one-second timeout, its body included
        assertThat(millis).isLessThan(5_000);
        if (kind == Kind.DRIP_BODY) {
            assertFailed(r, "NO_ANSWER", "probe.no-answer", "no answer: ");
            assertThat(r.diagnostics().get(0).message()).contains("no complete response within 1000 ms");
        } else {
            assertThat(seen(r).status()).isEqualTo("NOT_EXCHANGE");
        }
    }

    @Test
    void aFlakyServerIsReachedByRetryingAndNotWithoutRetries() throws Exception {
        Behaviour flaky = Behaviour.exchange("15.1.2176.2", true, true).failFirst(2);
        ProbeOptions twoRetries = new ProbeOptions(false, 8, Duration.ofSeconds(2), Duration.ofSeconds(2), 2,
                Duration.ofMillis(20), 0, 256 * 1024);
        assertThat(seen(probeOne(twoRetries, flaky)).status()).isEqualTo("EXCHANGE_BUILD");

        ProbeOptions noRetry = new ProbeOptions(false, 8, Duration.ofSeconds(2), Duration.ofSeconds(2), 0,
                Duration.ofMillis(20), 0, 256 * 1024);
        assertThat(seen(probeOne(noRetry, flaky)).status()).isEqualTo("NO_ANSWER");
    }

    @Test
    void theRateLimitSpacesRequestsOverTheWholeRun() throws Exception {
        List<Behaviour> six = Collections.nCopies(6, Behaviour.exchange("15.1.2176.2", true, true));
        ProbeOptions tenPerSecond = new ProbeOptions(false, 6, Duration.ofSeconds(2), Duration.ofSeconds(2), 0,
                Duration.ofMillis(20), 10, 256 * 1024);
        try (ExchangeEmulator e = ExchangeEmulator.start(six)) {
            long start = System.nanoTime();
            probe(tenPerSecond, java.util.stream.IntStream.range(0, 6).mapToObj(e::target).toList());
            assertThat((System.nanoTime() - start) / 1_000_000).as("6 requests at 10/s take at least 0.5 s").isGreaterThanOrEqualTo(480);
        }
    }

    @Test
    void concurrencyIsBoundedAndEveryTargetAnswersOnce() throws Exception {
        List<Behaviour> slow = Collections.nCopies(8, Behaviour.exchange("15.1.2176.2", true, true).delay(250));
        ProbeOptions two = new ProbeOptions(false, 2, Duration.ofSeconds(2), Duration.ofSeconds(2), 0,
                Duration.ofMillis(20), 0, 256 * 1024);
        try (ExchangeEmulator e = ExchangeEmulator.start(slow)) {
            List<String> targets = java.util.stream.IntStream.range(0, 8).mapToObj(e::target).toList();
            long start = System.nanoTime();
            List<ServerResult> results = probe(two, targets);
            assertThat((System.nanoTime() - start) / 1_000_000).as("8 targets of 250 ms, 2 at a time").isGreaterThanOrEqualTo(950);
            assertThat(results).extracting(ServerResult::server).containsExactlyInAnyOrderElementsOf(targets);
        }
    }

    @Test
    void aMixedEstateGivesEachTargetItsOwnStatus() throws Exception {
        List<Behaviour> estate = List.of(Behaviour.exchange("15.1.2176.2", true, true),
                Behaviour.exchange("15.2.1748.49", false, false).showing(false, true, false), Behaviour.of(Kind.OTHER_WEB),
                Behaviour.of(Kind.GARBAGE).tls(Tls.NONE), Behaviour.exchange("15.0.1497.2", true, true).showing(false, false, false));
        try (ExchangeEmulator e = ExchangeEmulator.start(estate)) {
            List<String> targets = new ArrayList<>(java.util.stream.IntStream.range(0, estate.size()).mapToObj(e::target).toList());
            targets.add("https://127.0.0.1:" + ExchangeEmulator.closedPort());
            Map<String, String> status = probe(FAST, targets).stream().collect(Collectors.toMap(ServerResult::server,
                    r -> seen(r).status()));
            assertThat(targets.stream().map(status::get).toList()).containsExactly("EXCHANGE_BUILD",
                    "EXCHANGE_BUILD", "NOT_EXCHANGE", "GARBAGE", "EXCHANGE_CU", "NO_ANSWER");
        }
    }
}
