package org.exhunt.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.exhunt.hunt.examples.ExampleImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local launcher as a user without a cluster runs it ({@code ./exhunt-spark --manifest m.csv --out results/}), on a
 * manifest where some servers cannot be scanned: they are rows of the diagnostics, the run goes through. And the jar
 * a cluster is given carries no Spark and no Hadoop: the cluster's own are used.
 */
class LauncherIT {

    @TempDir
    Path tmp;

    @Test
    void theLauncherRunsAManifestWhoseBrokenServersAreRowsNotAFailedRun() throws Exception {
        Path corrupt = Files.write(tmp.resolve("corrupt.zip"), "PK\u0003\u0004 not a zip at all".getBytes(StandardCharsets.ISO_8859_1));
        Path image = Files.write(tmp.resolve("disk.vhdx"), "vhdxfile and more".getBytes(StandardCharsets.ISO_8859_1));
        Path manifest = tmp.resolve("m.csv");
        Files.writeString(manifest, String.join("\n", "server,path,org,case",
                "ex-victim," + ExampleImages.image("proxylogon-victim").toAbsolutePath() + ",acme,IR-7",
                "ex-corrupt," + corrupt + ",acme,IR-7",
                "ex-missing," + tmp.resolve("nowhere") + ",beta,",
                "ex-image," + image + ",beta,", ""));
        Path out = tmp.resolve("results");
        Path root = Path.of(System.getProperty("exhunt.root"));
        Process p = new ProcessBuilder(root.resolve("exhunt-spark").toString(), "--manifest", manifest.toString(),
                "--out", out.toString(), "--run", "r1", "--master", "local[2]")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(tmp.resolve("log.txt"));
        assertThat(p.exitValue()).as(log).isZero();
        // a damaged archive is a server scanned with what could not be read said, as by exhunt scan; no evidence at all is a failed one
        assertThat(log).contains("exhunt-spark: 2 of 4 servers done, 2 failed");

        List<JsonNode> lines = ExhuntScan.lines(Files.readString(out.resolve("reports/run=r1/estate.jsonl")));
        assertThat(ExhuntScan.of(lines, "verdict", "ex-victim")).anyMatch(v -> v.get("row").asText().equals("ProxyLogon")
                && v.get("compromise").asText().equals("COMPROMISED"));
        List<String> codes = new ArrayList<>();
        for (String server : List.of("ex-corrupt", "ex-missing", "ex-image")) {
            ExhuntScan.of(lines, "diagnostic", server).forEach(d -> codes.add(server + " " + d.get("code").asText()));
        }
        assertThat(codes).contains("ex-missing source.unsupported", "ex-image source.unsupported")
                .anyMatch(c -> c.startsWith("ex-corrupt archive."));
        assertThat(Files.readString(out.resolve("reports/run=r1/estate.html"))).contains("ex-victim");
        assertThat(out.resolve("diagnostics/run=r1/org=beta")).isDirectory();
        assertThat(out.resolve("verdicts/run=r1/org=acme")).isDirectory();
    }

    @Test
    void theClustersJarCarriesNeitherSparkNorHadoop() throws Exception {
        try (ZipFile jar = new ZipFile(System.getProperty("exhunt.sparkJar"))) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertThat(names).contains("org/exhunt/spark/ExhuntSpark.class", "org/exhunt/hunt/Hunt.class")
                    .noneMatch(n -> n.startsWith("org/apache/spark/") || n.startsWith("org/apache/hadoop/")
                            || n.startsWith("scala/") || n.startsWith("com/fasterxml/"));
        }
    }
}
