package org.exhunt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.exhunt.hunt.examples.ExampleImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose executors are other JVMs (Spark's local-cluster master: a standalone master and two workers on loopback,
 * each executor its own java process): everything a task gets and gives crosses a process boundary serialised (the
 * broadcast setup with the user's own rules, the servers, the parts of a big server's logs, the results), the rules
 * are compiled once in each executor, and each server's results are still exhunt scan's.
 */
class AcrossJvmsIT {

    @TempDir
    Path tmp;

    @Test
    void executorsInOtherJvmsGiveWhatExhuntScanGives() throws Exception {
        Path sparkHome = Path.of(System.getenv("SPARK_HOME"));
        Files.createDirectories(sparkHome.resolve("jars"));
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("aspx.yar"), "rule user_aspx_page { strings: $a = \"<%@\" condition: $a }\n");
        Files.writeString(rules.resolve("owa-auth.yml"), String.join("\n", "title: Requests to OWA's auth folder",
                "id: 5f1e2c1a-3b7d-4c55-9a0e-1d2b3c4d5e6f", "status: test", "level: low",
                "logsource: {category: webserver}", "detection:", "  sel:", "    cs-uri-stem|contains: '/owa/auth/'",
                "  condition: sel", ""));
        List<ExampleCollections.Collection> collections = ExampleCollections.write(Files.createDirectories(tmp.resolve("c")))
                .stream().filter(c -> c.server().startsWith("proxylogon-victim") || c.server().equals("logs-start-too-late"))
                .toList();
        List<JsonNode> scanned = ExhuntScan.jsonl(collections, "--yara", rules.resolve("aspx.yar").toString(),
                "--sigma", rules.resolve("owa-auth.yml").toString());
        assertThat(scanned).anyMatch(l -> l.path("rule_id").asText().equals("user_aspx_page"));

        String jvmOptions = String.join(" ", Files.readAllLines(Path.of("jvm-options")));
        SparkSession spark = SparkSession.builder().master("local-cluster[2,1,1024]").appName("exhunt-it")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .config("spark.executor.extraJavaOptions", jvmOptions).getOrCreate();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            long driver = ProcessHandle.current().pid();
            List<Long> executors = jsc.parallelize(IntStream.range(0, 8).boxed().toList(), 8)
                    .map(i -> ProcessHandle.current().pid()).distinct().collect();
            assertThat(executors).as("executor processes").isNotEmpty().doesNotContain(driver);

            Configuration hadoop = jsc.hadoopConfiguration();
            ScanSetup setup = new ScanSetup(List.of(RuleFiles.read(rules.resolve("aspx.yar").toString(), hadoop)),
                    List.of(RuleFiles.read(rules.resolve("owa-auth.yml").toString(), hadoop)), List.of(), List.of(), null,
                    null, null, List.of(), null, null, false, 1);
            Path out = tmp.resolve("out");
            EstateJob.Result result = EstateRuns.run(spark, collections, setup, out, true, 32 << 10);
            assertThat(result.outcomes()).as("a big server read in parts by tasks in other JVMs").anyMatch(o -> o.parts() > 1);
            EstateRuns.assertSameAsExhuntScan(out, result, collections, scanned);

            List<Integer> builds = jsc.parallelize(IntStream.range(0, 8).boxed().toList(), 8)
                    .map(i -> Hunts.built()).collect();
            assertThat(builds).as("the rules compiled per executor, once, not per server").allMatch(n -> n <= 1)
                    .contains(1);
        } finally {
            spark.stop();
        }
        assertThat(ExampleImages.names()).isNotEmpty();
    }
}
