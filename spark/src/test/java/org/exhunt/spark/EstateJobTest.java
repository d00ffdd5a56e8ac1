package org.exhunt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run in Spark's local mode over every example image, as folders and as zips, gives for each server what
 * {@code exhunt scan --format jsonl} gives on the same collection: verdicts, findings (every field: rule, stage,
 * evidence, place, time), facts (the logs' coverage among them) and the problems met (in any order); and its Parquet
 * tables hold the same verdicts, findings and coverage. Differential: the oracle is exhunt scan itself.
 */
class EstateJobTest {

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static List<ExampleCollections.Collection> collections;
    private static List<JsonNode> scanned;

    @BeforeAll
    static void start() throws Exception {
        collections = ExampleCollections.write(Files.createDirectories(tmp.resolve("collections")));
        scanned = ExhuntScan.jsonl(collections);
        spark = SparkSession.builder().master("local[2]").appName("exhunt-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    @Test
    void eachServerGetsWhatExhuntScanGives() throws Exception {
        Path out = tmp.resolve("local");
        EstateJob.Result result = EstateRuns.run(spark, collections, EstateRuns.NO_USER_RULES, out, false, 256L << 20);
        EstateRuns.assertSameAsExhuntScan(out, result, collections, scanned);
        assertTablesHoldTheResults(out);
    }

    @Test
    void throughHadoopsFileSystemEachServerGetsWhatExhuntScanGives() throws Exception {
        Path out = tmp.resolve("hadoop");
        EstateRuns.assertSameAsExhuntScan(out, EstateRuns.run(spark, collections, EstateRuns.NO_USER_RULES, out, true,
                256L << 20), collections, scanned);
    }

    @Test
    void logsReadInPartsByManyTasksGiveTheUnsplitResult() throws Exception {
        Path out = tmp.resolve("split");
        // 32 KiB: several parts per example, read through Hadoop
        EstateJob.Result result = EstateRuns.run(spark, collections, EstateRuns.NO_USER_RULES, out, true, 32 << 10);
        assertThat(result.outcomes()).filteredOn(o -> o.parts() > 1).as("servers whose logs were read in parts")
                .hasSizeGreaterThan(collections.size() / 2);
        assertThat(result.outcomes()).noneMatch(ServerOutcome::rescanned);
        EstateRuns.assertSameAsExhuntScan(out, result, collections, scanned);
        // what the attackers touched is among what the parts carried: mailboxes exported and read, credentials
        assertThat(result.outcomes()).filteredOn(o -> o.parts() > 1)
                .filteredOn(o -> !ExhuntScan.of(scanned, "impact", o.spec().server()).isEmpty())
                .as("servers read in parts whose impact is not empty").hasSizeGreaterThanOrEqualTo(3);
    }

    /** The Parquet tables, read back with Spark SQL, hold the verdicts, findings and coverage exhunt scan gives. */
    private static void assertTablesHoldTheResults(Path out) {
        spark.read().parquet(out.resolve("verdicts").toString()).createOrReplaceTempView("verdicts");
        spark.read().parquet(out.resolve("findings").toString()).createOrReplaceTempView("findings");
        spark.read().parquet(out.resolve("coverage").toString()).createOrReplaceTempView("coverage");
        for (ExampleCollections.Collection c : collections) {
            String s = c.server();
            List<String> verdicts = spark.sql("SELECT `row`, exposure, compromise, reason FROM verdicts WHERE run = 'test'"
                    + " AND org = 'cert' AND server = '" + s + "'").collectAsList().stream().map(Row::toString).sorted().toList();
            assertThat(verdicts).as("verdicts table, %s", s).isEqualTo(ExhuntScan.of(scanned, "verdict", s).stream()
                    .map(v -> "[" + v.get("row").asText() + "," + v.get("exposure").asText() + "," + v.get("compromise").asText()
                            + "," + v.get("reason").asText() + "]").sorted().toList());
            List<String> findings = spark.sql("SELECT rule_id, stage, source.file, source.line FROM findings WHERE server = '"
                    + s + "'").collectAsList().stream().map(Row::toString).sorted().toList();
            assertThat(findings).as("findings table, %s", s).isEqualTo(ExhuntScan.of(scanned, "finding", s).stream()
                    .map(f -> "[" + f.get("rule_id").asText() + "," + f.get("stage").asText().toUpperCase().replace('-', '_')
                            + "," + f.get("source").get("file").asText() + "," + f.get("source").path("line").asLong(-1) + "]")
                    .sorted().toList());
            Map<String, String> coverage = new TreeMap<>();
            for (Row r : spark.sql("SELECT type, records, oldest, newest FROM coverage WHERE server = '" + s + "'").collectAsList()) {
                coverage.put(r.getString(0), r.getLong(1) + " " + instant(r.get(2)) + " " + instant(r.get(3)));
            }
            Map<String, String> expected = new TreeMap<>();
            for (JsonNode log : ExhuntScan.of(scanned, "facts", s).get(0).get("scan").get("logs")) {
                expected.put(log.get("type").asText(), log.get("records").asLong() + " " + micros(log.get("oldest"))
                        + " " + micros(log.get("newest")));
            }
            assertThat(coverage).as("coverage table, %s", s).isEqualTo(expected);
        }
    }

    private static String instant(Object timestamp) {
        if (timestamp == null) return "null";
        return (timestamp instanceof Instant i ? i : ((java.sql.Timestamp) timestamp).toInstant()).toString();
    }

    /** A JSON time as Parquet keeps it: to the microsecond. */
    private static String micros(JsonNode time) {
        if (time == null || time.isNull()) return "null";
        Instant t = Instant.parse(time.asText());
        return t.minusNanos(t.getNano() % 1000).toString();
    }
}
