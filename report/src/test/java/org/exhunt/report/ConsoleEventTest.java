package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.junit.jupiter.api.Test;

/** The console's events: one per record however many rules matched it, each value once, most severe first. */
class ConsoleEventTest {

    private static final Instant T = Instant.parse("2021-03-03T05:52:10Z");

    private static Finding finding(String rule, Severity level, int line, Instant time, String... evidence) {
        Finding.Builder b = Finding.builder("sigma", rule).title("title of " + rule).severity(level).stage(Stage.ATTEMPT)
                .chain("ProxyLogon").time(time).source(SourceRef.line("u_ex210303.log", line));
        for (int i = 0; i < evidence.length; i += 2) b.evidence(evidence[i], evidence[i + 1]);
        return b.build();
    }

    @Test
    void findingsOfOneRecordAreOneEventWithTheirValuesOnceAndTheMostSevereFirst() {
        List<ConsoleEvent> events = ConsoleEvent.of(List.of(
                finding("post-static", Severity.MEDIUM, 52, T, "cs(User-Agent)", "python-requests/2.25.1", "c-ip", "1.2.3.4"),
                finding("attacker-ip", Severity.HIGH, 52, T, "c-ip", "1.2.3.4"),
                finding("user-agent", Severity.MEDIUM, 52, T, "cs-user-agent", "python-requests/2.25.1"),
                finding("post-static", Severity.MEDIUM, 53, T.plusSeconds(1), "c-ip", "1.2.3.4"),
                finding("webshell", Severity.CRITICAL, 60, T.plusSeconds(600), "c-ip", "1.2.3.4")));
        assertThat(events).hasSize(3);
        assertThat(events).extracting(ConsoleEvent::severity)
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM);
        ConsoleEvent line52 = events.get(1);
        assertThat(line52.findings()).extracting(Finding::ruleId).containsExactly("attacker-ip", "post-static", "user-agent");
        assertThat(line52.evidence()).extracting(Evidence::value).containsExactly("1.2.3.4", "python-requests/2.25.1");
    }

    @Test
    void theSameRecordAtAnotherTimeOrInAnotherPlaceIsAnotherEvent() {
        assertThat(ConsoleEvent.of(List.of(finding("a", Severity.LOW, 1, T), finding("a", Severity.LOW, 1, T.plusMillis(1)),
                finding("a", Severity.LOW, 2, T), finding("a", Severity.LOW, 1, null)))).hasSize(4);
    }

    @Test
    void alikeEventsAreTheSameRulesAtTheSameLevelInTheSameFile() {
        List<ConsoleEvent> events = ConsoleEvent.of(List.of(
                finding("a", Severity.HIGH, 1, T), finding("b", Severity.MEDIUM, 1, T),
                finding("a", Severity.HIGH, 2, T.plusSeconds(1)), finding("b", Severity.MEDIUM, 2, T.plusSeconds(1)),
                finding("a", Severity.HIGH, 3, T.plusSeconds(2))));
        assertThat(ConsoleEvent.alike(events)).extracting(List::size).containsExactly(2, 1);
    }
}
