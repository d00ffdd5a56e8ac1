package org.exhunt.hunt.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.exhunt.core.Compromise;
import org.exhunt.core.Exposure;
import org.exhunt.core.Rows;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.hunt.history.BuildTimeline;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.kb.BuildNumber;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.kb.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdict rule of a chain row without evidence of an attack, over the whole path a scan takes: a patch history,
 * the build installed now and the logs' coverage make the build timeline and the row's exposure window, which the rule
 * judges (docs/ARCHITECTURE.md, "Verdicts"). One case per line of the table.
 */
class WindowVerdictTest {

    private static final KnowledgeBase KB = RulePack.bundled().knowledgeBase();

    /** One case: the row, what the evidence holds, and what the verdict must say. */
    record Case(String name, String row, List<PatchEvent> history, String current, List<Instant[]> logs, Instant end,
                Compromise expected, String reasonPart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // ProxyShell was first exploited on 2021-08-05; CU19's May 2021 update fixes it
                new Case("fixed before first exploitation: clean with no logs at all", Rows.PROXYSHELL,
                        List.of(update("2021-05-12T09:00:00Z", "15.1.2176.14"), seen("15.1.2176.14", "2021-09-01T00:00:00Z", "2021-09-01T01:00:00Z")),
                        "15.1.2176.14", List.of(), null, Compromise.CLEAN, "fixed since 2021-05-12, before first exploitation in the wild (2021-08-05)"),
                new Case("fixed later, the logs cover the window: clean", Rows.PROXYLOGON,
                        List.of(upgrade("2020-12-20T20:00:00Z", "15.1.2176.2"), update("2021-03-03T14:00:00Z", "15.1.2176.9")),
                        "15.1.2176.9", logs("2020-12-15", "2021-03-10"), null, Compromise.CLEAN,
                        "exposed 2021-01-06 to 2021-03-03: IIS logs cover it all, showing nothing"),
                new Case("a failed update fixes nothing: the window runs to the one that succeeded", Rows.PROXYLOGON,
                        List.of(upgrade("2020-12-20T20:00:00Z", "15.1.2176.2"), failed(update("2021-03-03T14:00:00Z", "15.1.2176.9")),
                                update("2021-03-20T14:00:00Z", "15.1.2176.9")),
                        "15.1.2176.9", logs("2020-12-15", "2021-03-10"), null, Compromise.CANNOT_TELL,
                        "exposed 2021-01-06 to at least 2021-03-20"),
                new Case("fixed later, logs only after the fix: cannot tell, naming the gap", Rows.PROXYLOGON,
                        List.of(upgrade("2020-12-20T20:00:00Z", "15.1.2176.2"), update("2021-03-03T14:00:00Z", "15.1.2176.9")),
                        "15.1.2176.9", logs("2021-03-10", "2021-03-12"), null, Compromise.CANNOT_TELL,
                        "exposed 2021-01-06 to at least 2021-03-03; no IIS or HttpProxy logs for 2021-01-06 to 2021-03-03"),
                new Case("never fixed, logs from first exploitation to the end: clean", Rows.PROXYLOGON,
                        List.of(seen("15.1.2176.2", "2020-12-01T00:00:00Z", "2021-03-04T00:00:00Z")),
                        "15.1.2176.2", logs("2020-12-01", "2021-03-04"), null, Compromise.CLEAN,
                        "exposed 2021-01-06 to 2021-03-04: IIS logs cover it all, showing nothing"),
                new Case("build unknown: cannot tell", Rows.PROXYLOGON, List.of(), null, logs("2021-03-01", "2021-03-03"), null,
                        Compromise.CANNOT_TELL, "exposed 2021-01-06 to 2021-03-03; no IIS or HttpProxy logs for 2021-01-06 to 2021-02-28"),
                new Case("nothing dated at all: cannot tell", Rows.PROXYLOGON, List.of(), "15.1.2176.9", List.of(), null,
                        Compromise.CANNOT_TELL, "nothing in the evidence dates the build or any log"),
                new Case("build unknown for part of the window: cannot tell", Rows.CVE_2020_0688,
                        List.of(seen("15.1.2176.2", "2021-02-01T00:00:00Z", "2021-03-04T00:00:00Z")), "15.1.2176.2",
                        logs("2021-01-01", "2021-03-04"), null, Compromise.CANNOT_TELL,
                        "exposed 2020-02-25 to at least 2021-02-01; no IIS or HttpProxy logs for 2020-02-25 to 2020-12-31"),
                new Case("a gap in the middle: cannot tell", Rows.PROXYLOGON,
                        List.of(seen("15.1.2176.2", "2020-12-01T00:00:00Z", "2021-03-04T00:00:00Z")), "15.1.2176.2",
                        concat(logs("2020-12-01", "2021-01-20"), logs("2021-02-10", "2021-03-04")), null, Compromise.CANNOT_TELL,
                        "no IIS or HttpProxy logs for 2021-01-20 to 2021-02-09"),
                // CU22 Nov22SU fixes ProxyNotShell; CU23's own build (RTM) does not: installing it reopens the window
                new Case("a window reopened by a new CU: cannot tell for the reopened stretch", Rows.PROXYNOTSHELL,
                        List.of(update("2022-11-09T10:00:00Z", "15.1.2375.37"), upgrade("2022-12-01T18:00:00Z", "15.1.2507.6"),
                                update("2022-12-20T09:00:00Z", "15.1.2507.16")),
                        "15.1.2507.16", logs("2022-07-20", "2022-11-30"), null, Compromise.CANNOT_TELL,
                        "exposed 2022-08-01 to at least 2022-12-20; no IIS or HttpProxy logs for 2022-12-01 to 2022-12-20"),
                new Case("the same, with logs over the reopened stretch too: clean", Rows.PROXYNOTSHELL,
                        List.of(update("2022-11-09T10:00:00Z", "15.1.2375.37"), upgrade("2022-12-01T18:00:00Z", "15.1.2507.6"),
                                update("2022-12-20T09:00:00Z", "15.1.2507.16")),
                        "15.1.2507.16", concat(logs("2022-07-20", "2022-11-10"), logs("2022-11-30", "2022-12-21")), null,
                        Compromise.CLEAN, "cover it all, showing nothing"),
                new Case("installed fresh on a fixed build: clean without logs", Rows.PROXYLOGON,
                        List.of(install("2021-06-01T08:00:00Z", "15.1.2308.8")), "15.1.2308.8", List.of(), null,
                        Compromise.CLEAN, "never exposed: Exchange installed 2021-06-01 on a build that fixes it"),
                new Case("installed fresh on a vulnerable build, logs from the install: clean", Rows.PROXYLOGON,
                        List.of(install("2021-02-01T08:00:00Z", "15.1.2176.2"), update("2021-03-03T14:00:00Z", "15.1.2176.9")),
                        "15.1.2176.9", logs("2021-02-01", "2021-03-05"), null, Compromise.CLEAN,
                        "exposed 2021-02-01 to 2021-03-03"),
                new Case("the evidence ends before first exploitation on a vulnerable build: cannot tell", Rows.PROXYSHELL,
                        List.of(seen("15.1.2176.2", "2021-03-01T00:00:00Z", "2021-03-04T00:00:00Z")), "15.1.2176.2",
                        logs("2021-03-01", "2021-03-04"), null, Compromise.CANNOT_TELL,
                        "the evidence ends 2021-03-04, before first exploitation in the wild (2021-08-05), on a build not fixed then"),
                new Case("--until ends the evidence: the logs after it cover nothing", Rows.PROXYLOGON,
                        List.of(seen("15.1.2176.2", "2020-12-01T00:00:00Z", "2021-02-01T00:00:00Z")), "15.1.2176.2",
                        logs("2020-12-01", "2021-02-01"), Instant.parse("2021-02-01T00:00:00Z"), Compromise.CLEAN,
                        "exposed 2021-01-06 to 2021-02-01"),
                new Case("a file time is a hint: it shortens nothing", Rows.CVE_2020_0688,
                        List.of(hint("15.1.2176", "2020-01-01T00:00:00Z"), seen("15.1.2176.2", "2021-03-01T00:00:00Z", "2021-03-04T00:00:00Z")),
                        "15.1.2176.2", logs("2021-03-01", "2021-03-04"), null, Compromise.CANNOT_TELL,
                        "exposed 2020-02-25 to at least 2021-03-01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theWindowDecides(Case c) {
        Verdict v = verdict(c);
        assertThat(v.compromise()).as(v.detail()).isEqualTo(c.expected());
        assertThat(v.reason()).contains(c.reasonPart());
        assertThat(v.reason().length()).isLessThanOrEqualTo(Verdict.REASON_LENGTH);
        assertThat(v.window()).isNotNull();
        if (c.expected() == Compromise.CANNOT_TELL) {
            assertThat(v.window().gaps()).isNotEmpty();
            assertThat(v.detail()).contains("would settle it");
        } else {
            assertThat(v.window().gaps()).isEmpty();
        }
    }

    @Test
    void aProductTheChainDoesNotAffectIsCleanWithoutAWindow() {
        RowAssessment row = new RowAssessment(profile(Rows.PROXYSHELL), Exposure.NOT_AFFECTED, "Exchange 2010 SP3", null);
        Verdict v = Verdicts.decide("s", List.of(row), List.of(), new WebRequests(), 5).verdicts().get(0);
        assertThat(v.compromise()).isEqualTo(Compromise.CLEAN);
        assertThat(v.window()).isNull();
    }

    /** Post-exploitation has no window: the files of the web folders are its own statement, never logs' stand-in. */
    @ParameterizedTest(name = "{0} web folder files: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0    | CANNOT_TELL | the evidence holds none of the folders IIS serves
            1234 | CLEAN       | no web shell among 1,234 files of the web folders
            """)
    void postExploitationSaysWhatTheWebFoldersHeld(long webFolderFiles, Compromise expected, String reason) {
        Verdict v = Verdicts.decide("s", List.of(), List.of(), new WebRequests(), webFolderFiles).verdicts().get(0);
        assertThat(v.row()).isEqualTo(Rows.POST_EXPLOITATION);
        assertThat(v.compromise()).isEqualTo(expected);
        assertThat(v.reason()).isEqualTo(reason);
        assertThat(v.window()).isNull();
    }

    @Test
    void aSetupLogsZoneDoubtMovesTheFixLater() {
        PatchEvent doubtful = new PatchEvent(PatchEvent.Kind.SETUP_LOG, PatchEvent.Action.UPGRADE,
                Instant.parse("2021-03-20T10:00:00Z"), null, Duration.ofHours(7), "15.1.2242.4", "setup, mode Upgrade",
                PatchEvent.Outcome.SUCCEEDED, "ExchangeSetup.log:1", PatchEvent.Strength.RECORDED);
        Verdict v = verdict(new Case("", Rows.PROXYLOGON, List.of(seen("15.1.2176.2", "2020-12-01T00:00:00Z", "2021-03-19T00:00:00Z"),
                doubtful), "15.1.2242.4", logs("2020-12-01", "2021-03-22"), null, Compromise.CANNOT_TELL, ""));
        // the setup log says 10:00 in a zone seven hours from UTC: the fix counts from the latest that can mean
        assertThat(v.window().fixedSince()).isEqualTo(Instant.parse("2021-03-20T17:00:00Z"));
        assertThat(v.compromise()).isEqualTo(Compromise.CLEAN);
    }

    private static Verdict verdict(Case c) {
        List<Instant> times = new ArrayList<>();
        c.logs().forEach(l -> times.add(l[1]));
        c.history().stream().filter(e -> e.strength() != PatchEvent.Strength.HINT)
                .forEach(e -> times.add(e.until() != null ? e.until() : e.time()));
        Instant end = times.stream().max(Instant::compareTo).orElse(null);
        if (c.end() != null && end != null && end.isAfter(c.end())) end = c.end();
        BuildTimeline timeline = BuildTimeline.of(KB, c.history(), c.current() == null ? null : BuildNumber.parse(c.current()), end);
        CoverageSpans coverage = new CoverageSpans();
        for (Instant[] l : c.logs()) {
            // one file a day, its records from a quarter past midnight to a quarter to midnight
            for (Instant d = l[0]; d.isBefore(l[1]); d = d.plus(Duration.ofDays(1))) {
                Instant last = d.plus(Duration.ofHours(23).plusMinutes(45));
                coverage.add("iis", d.plus(Duration.ofMinutes(15)), c.end() != null && last.isAfter(c.end()) ? c.end() : last);
            }
        }
        RowProfile profile = profile(c.row());
        RowAssessment row = new RowAssessment(profile, Exposure.PATCHED, "",
                ExposureWindows.of(c.row(), profile.firstExploited(), timeline, coverage.covered()));
        return Verdicts.decide("s", List.of(row), List.of(), new WebRequests(), 5).verdicts().get(0);
    }

    private static RowProfile profile(String name) {
        Row r = KB.row(name).orElseThrow();
        return new RowProfile(r.name(), r.cves(), r.firstExploited().atStartOfDay(ZoneOffset.UTC).toInstant(), r.firstExploitedSource());
    }

    private static List<Instant[]> logs(String fromDay, String toDay) {
        List<Instant[]> out = new ArrayList<>();
        out.add(new Instant[] {Instant.parse(fromDay + "T00:00:00Z"), Instant.parse(toDay + "T00:00:00Z")});
        return out;
    }

    private static List<Instant[]> concat(List<Instant[]> a, List<Instant[]> b) {
        List<Instant[]> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static PatchEvent seen(String build, String from, String to) {
        return new PatchEvent(PatchEvent.Kind.LOG_BUILD, PatchEvent.Action.RUNNING, Instant.parse(from), Instant.parse(to),
                Duration.ZERO, build, build + " in exchange-httpproxy log lines", PatchEvent.Outcome.UNKNOWN,
                "exchange-httpproxy logs", PatchEvent.Strength.OBSERVED);
    }

    private static PatchEvent update(String at, String build) {
        return new PatchEvent(PatchEvent.Kind.MSI_INSTALL, PatchEvent.Action.UPDATE, Instant.parse(at), null, Duration.ZERO,
                build, "MsiInstaller 1022: an update to " + build + " installed", PatchEvent.Outcome.SUCCEEDED, "Application.evtx#1",
                PatchEvent.Strength.RECORDED);
    }

    private static PatchEvent failed(PatchEvent e) {
        return new PatchEvent(e.kind(), e.action(), e.time(), e.until(), e.uncertainty(), e.build(), e.what(),
                PatchEvent.Outcome.FAILED, e.source(), e.strength());
    }

    private static PatchEvent upgrade(String at, String build) {
        return new PatchEvent(PatchEvent.Kind.SETUP_LOG, PatchEvent.Action.UPGRADE, Instant.parse(at), null, Duration.ZERO,
                build, "Exchange Server 2016 setup, mode Upgrade, version " + build, PatchEvent.Outcome.SUCCEEDED,
                "ExchangeSetup.log:1", PatchEvent.Strength.RECORDED);
    }

    private static PatchEvent install(String at, String build) {
        return new PatchEvent(PatchEvent.Kind.SETUP_LOG, PatchEvent.Action.FRESH_INSTALL, Instant.parse(at), null, Duration.ZERO,
                build, "Exchange Server 2016 setup, mode Install, version " + build, PatchEvent.Outcome.SUCCEEDED,
                "ExchangeSetup.log:1", PatchEvent.Strength.RECORDED);
    }

    private static PatchEvent hint(String build, String at) {
        return new PatchEvent(PatchEvent.Kind.FILE_TIME, PatchEvent.Action.PRESENT, Instant.parse(at), null, Duration.ZERO, build,
                "OWA's folder of CU " + build, PatchEvent.Outcome.UNKNOWN, "owa/auth/" + build, PatchEvent.Strength.HINT);
    }
}
