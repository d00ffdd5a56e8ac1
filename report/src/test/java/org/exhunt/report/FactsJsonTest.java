package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exhunt.core.facts.ActiveCheckResult;
import org.exhunt.core.facts.Certificate;
import org.exhunt.core.facts.ProbeFacts;
import org.exhunt.core.facts.ServerFacts;
import org.junit.jupiter.api.Test;

/** A server's facts survive JSON as they are: what a report writes is what a job reading it back gets. */
class FactsJsonTest {

    @Test
    void scanFactsComeBackEqualFromTheirJson() {
        ServerFacts facts = SampleResults.scanFacts();
        assertThat(FactsJson.read(FactsJson.tree(facts))).isEqualTo(facts);
    }

    @Test
    void probeFactsAndNoFactsComeBackEqualToo() {
        ServerFacts probe = new ServerFacts(null, null, new ProbeFacts("EXCHANGE_BUILD", "", "Outlook", "", 2,
                new Certificate("CN=a", "CN=a", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                        List.of("a"), true, false, "TLSv1.3"), Map.of("X-FEServer", "EX01"),
                List.of(new ActiveCheckResult("ProxyLogon SSRF", "ABORTED", "HTTP 0", "https://a/"))));
        assertThat(FactsJson.read(FactsJson.tree(probe))).isEqualTo(probe);
        assertThat(FactsJson.read(FactsJson.tree(ServerFacts.NONE))).isEqualTo(ServerFacts.NONE);
    }

    @Test
    void namesAreSnakeCaseTimesIsoAndEnumsByName() {
        JsonNode json = FactsJson.tree(SampleResults.scanFacts());
        assertThat(json.at("/build/chosen/source").asText()).isEqualTo("EXSETUP");
        assertThat(json.at("/build/support/end_of_support").asText()).isEqualTo("2025-10-14");
        assertThat(json.at("/scan/logs/0/oldest").asText()).isEqualTo("2021-02-20T00:00:00Z");
        assertThat(json.at("/scan/tallies/YARA_PE_FIELDS_NOT_EVALUATED").asLong()).isEqualTo(412);
        assertThat(json.at("/scan/timelines/0/exploit_client_count").asLong()).isEqualTo(2);
        assertThat(json.at("/scan/examined/until").isNull()).isTrue();
        assertThat(json.get("probe").isNull()).isTrue();
    }

    @Test
    void timesKeepAnEventLogsHundredNanosecondsAsEveryOutputWritesThem() {
        Instant tick = Instant.parse("2021-03-03T05:52:10.7511565Z");
        ServerFacts probe = new ServerFacts(null, null, new ProbeFacts("EXCHANGE_BUILD", "", "Outlook", "", 2,
                new Certificate("CN=a", "CN=a", tick, tick, List.of("a"), true, false, "TLSv1.3"), Map.of(), List.of()));
        JsonNode json = FactsJson.tree(probe);
        assertThat(json.at("/probe/certificate/not_before").asText()).isEqualTo("2021-03-03T05:52:10.7511565Z");
        assertThat(FactsJson.read(json)).isEqualTo(probe);
    }
}
