package org.exhunt.hunt.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.exhunt.core.Rows;
import org.exhunt.core.facts.BuildSpan;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.kb.BuildNumber;
import org.exhunt.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;

/** Which build ran when, as the result reports it and as the windows read it. */
class BuildTimelineTest {

    private static final KnowledgeBase KB = RulePack.bundled().knowledgeBase();

    private static PatchEvent seen(String build, String from, String to) {
        return new PatchEvent(PatchEvent.Kind.LOG_BUILD, PatchEvent.Action.RUNNING, Instant.parse(from), Instant.parse(to),
                Duration.ZERO, build, build + " in exchange-httpproxy log lines", PatchEvent.Outcome.UNKNOWN,
                "exchange-httpproxy logs", PatchEvent.Strength.OBSERVED);
    }

    private static PatchEvent setup(PatchEvent.Action action, String at, String build, PatchEvent.Outcome outcome) {
        return new PatchEvent(PatchEvent.Kind.SETUP_LOG, action, Instant.parse(at), null, Duration.ZERO, build, "setup " + build,
                outcome, "ExchangeSetup.log:1", PatchEvent.Strength.RECORDED);
    }

    @Test
    void aChangeOfBuildBetweenTwoLogLinesLeavesEitherBuildBetweenThem() {
        BuildTimeline t = BuildTimeline.of(KB, List.of(seen("15.1.2176.2", "2021-03-16T00:01:00Z", "2021-03-18T23:50:00Z"),
                seen("15.1.2176.9", "2021-03-19T00:05:00Z", "2021-03-22T23:55:00Z")), BuildNumber.parse("15.1.2176.9"),
                Instant.parse("2021-03-22T23:55:00Z"));
        assertThat(t.spans()).extracting(BuildSpan::from, BuildSpan::builds).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, List.of()),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2021-03-16T00:01:00Z"), List.of("15.1.2176.2")),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2021-03-18T23:50:00Z"), List.of("15.1.2176.2", "15.1.2176.9")),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2021-03-19T00:05:00Z"), List.of("15.1.2176.9")));
        assertThat(t.spans().get(0).unknown()).isTrue();
        assertThat(t.fixedSince(Rows.PROXYLOGON).orElseThrow().since()).isEqualTo(Instant.parse("2021-03-19T00:05:00Z"));
        assertThat(t.exposed(Rows.PROXYLOGON)).extracting(BuildTimeline.Exposed::to).containsExactly(
                Instant.parse("2021-03-16T00:01:00Z"), Instant.parse("2021-03-18T23:50:00Z"), Instant.parse("2021-03-19T00:05:00Z"));
        assertThat(t.exposed(Rows.PROXYLOGON)).extracting(BuildTimeline.Exposed::why).containsExactly("build not known",
                "CU19 (15.1.2176.2) (vulnerable)", "one of [CU19 (15.1.2176.2), CU19 Mar21SU (15.1.2176.9)] ran; CU19 (15.1.2176.2) (vulnerable)");
    }

    @Test
    void acrossAChangeOfCuTheNewCusOwnBuildMayHaveRun() {
        // CU22 Nov22SU, then CU23 Nov22SU seen: CU23 came without its update first, and it lacks ProxyNotShell's fix
        BuildTimeline t = BuildTimeline.of(KB, List.of(seen("15.1.2375.37", "2022-11-20T00:00:00Z", "2022-11-25T00:00:00Z"),
                seen("15.1.2507.16", "2022-12-05T00:00:00Z", "2022-12-08T00:00:00Z")), null, Instant.parse("2022-12-08T00:00:00Z"));
        assertThat(t.spans().get(2).builds()).containsExactly("15.1.2375.37", "15.1.2507.6", "15.1.2507.16");
        assertThat(t.exposed(Rows.PROXYNOTSHELL)).extracting(BuildTimeline.Exposed::from)
                .containsExactly(null, Instant.parse("2022-11-25T00:00:00Z"));
    }

    @Test
    void beforeAFreshInstallNoExchangeRanAndFailedOrUndatedInstallsChangeNothing() {
        BuildTimeline t = BuildTimeline.of(KB, List.of(
                setup(PatchEvent.Action.FRESH_INSTALL, "2022-11-07T07:20:00Z", "15.2.1118.7", PatchEvent.Outcome.SUCCEEDED),
                setup(PatchEvent.Action.UPGRADE, "2022-11-08T07:20:00Z", "15.2.1258.12", PatchEvent.Outcome.FAILED),
                setup(PatchEvent.Action.UPGRADE, "2022-11-09T07:20:00Z", "15.2.1258.12", PatchEvent.Outcome.UNKNOWN)),
                null, Instant.parse("2022-11-10T00:00:00Z"));
        assertThat(t.spans()).extracting(BuildSpan::noExchange, BuildSpan::builds).containsExactly(
                org.assertj.core.groups.Tuple.tuple(true, List.of()),
                org.assertj.core.groups.Tuple.tuple(false, List.of("15.2.1118.7")));
        assertThat(t.exchangeSince()).contains(Instant.parse("2022-11-07T07:20:00Z"));
        assertThat(t.fixedSince(Rows.PROXYLOGON).orElseThrow().neverRanExchangeBefore()).isTrue();
    }
}
