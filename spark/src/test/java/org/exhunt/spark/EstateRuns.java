package org.exhunt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** A run over collections, and the check of its results against exhunt scan's on the same collections. */
final class EstateRuns {

    static final ScanSetup NO_USER_RULES = new ScanSetup(List.of(), List.of(), List.of(), List.of(), null, null, null,
            List.of(), null, null, false, 1);

    private EstateRuns() {}

    /** A run of every collection as one server of org {@code cert}, run id {@code test}. */
    static EstateJob.Result run(SparkSession spark, List<ExampleCollections.Collection> collections, ScanSetup setup,
                                Path out, boolean viaHadoop, long splitBytes) throws Exception {
        List<ServerSpec> servers = new ArrayList<>();
        for (ExampleCollections.Collection c : collections) {
            servers.add(new ServerSpec(c.server(), "cert", null, List.of(c.path().toString())));
        }
        return EstateJob.run(spark, new EstateJob.Spec(servers, setup, out.toString(), "test", splitBytes, viaHadoop,
                60_000));
    }

    /**
     * Each server's verdicts, findings (every field: rule, stage, evidence, place, time), notes, facts (the logs'
     * coverage and the impact among them), response steps and impact items in the run's JSON lines are exhunt scan's,
     * and so are its problems, in any order; and so are the mailboxes to assess across the servers.
     */
    static void assertSameAsExhuntScan(Path out, EstateJob.Result result, List<ExampleCollections.Collection> collections,
                                       List<JsonNode> scanned) throws Exception {
        assertThat(result.outcomes()).hasSize(collections.size()).noneMatch(ServerOutcome::failed);
        List<JsonNode> estate = ExhuntScan.lines(Files.readString(out.resolve("reports/run=test/estate.jsonl")));
        for (ExampleCollections.Collection c : collections) {
            String s = c.server();
            assertThat(ExhuntScan.of(scanned, "verdict", s)).as("exhunt scan's verdicts of %s", s).isNotEmpty();
            for (String type : List.of("verdict", "finding", "note", "facts", "action", "impact")) {
                assertThat(ExhuntScan.of(estate, type, s)).as("%s lines of %s", type, s)
                        .isEqualTo(ExhuntScan.of(scanned, type, s));
            }
            assertThat(ExhuntScan.of(estate, "diagnostic", s)).as("diagnostics of %s", s)
                    .containsExactlyInAnyOrderElementsOf(ExhuntScan.of(scanned, "diagnostic", s));
        }
        assertThat(ofType(estate, "mailbox")).as("mailboxes to assess")
                .containsExactlyInAnyOrderElementsOf(ofType(scanned, "mailbox"));
    }

    static List<JsonNode> ofType(List<JsonNode> lines, String type) {
        return lines.stream().filter(l -> l.get("type").asText().equals(type)).toList();
    }
}
