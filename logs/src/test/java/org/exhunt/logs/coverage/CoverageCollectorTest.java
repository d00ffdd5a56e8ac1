package org.exhunt.logs.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.exhunt.logs.LogFiles;
import org.exhunt.logs.RecordStream;
import org.junit.jupiter.api.Test;

class CoverageCollectorTest {

    @Test
    void givesTimeRangeAndBuildsPerLogTypeOverTheGoldenInputs() throws Exception {
        Path root = Path.of(getClass().getResource("/golden/exchange").toURI());
        CoverageCollector coverage = new CoverageCollector();
        List<Path> inputs;
        try (Stream<Path> files = Files.walk(root)) {
            inputs = files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path p : inputs) {
            try (InputStream in = Files.newInputStream(p)) {
                var opened = LogFiles.open(root.relativize(p).toString(), in, d -> { });
                try (RecordStream s = opened.orElseThrow()) {
                    s.forEachRemaining(coverage::add);
                }
            }
        }
        LogCoverage proxy = coverage.coverage().stream().filter(c -> c.type().equals("exchange-httpproxy")).findFirst().orElseThrow();
        assertThat(proxy.files()).isEqualTo(3);
        assertThat(proxy.records()).isEqualTo(10);
        assertThat(proxy.recordsWithoutTime()).isEqualTo(1);      // "2021-03-04 garbage"
        assertThat(proxy.oldest()).isEqualTo(Instant.parse("2021-03-03T06:49:43.699Z"));
        assertThat(proxy.newest()).isEqualTo(Instant.parse("2021-08-13T11:31:02.123Z"));
        // #Version headers (15.01.2176.002, and the two blocks of the Autodiscover log) and the version columns
        assertThat(proxy.builds()).containsExactly(
                new LogCoverage.BuildSeen("15.1.2106.2", Instant.parse("2021-08-13T11:00:05Z"), Instant.parse("2021-08-13T11:00:05Z")),
                new LogCoverage.BuildSeen("15.1.2176.2", Instant.parse("2021-03-03T06:49:43.699Z"), Instant.parse("2021-03-04T01:00:04Z")),
                new LogCoverage.BuildSeen("15.1.2308.8", Instant.parse("2021-08-13T11:31:02.123Z"), Instant.parse("2021-08-13T11:31:02.123Z")));

        LogCoverage ecp = coverage.coverage().stream().filter(c -> c.type().equals("exchange-ecp-server")).findFirst().orElseThrow();
        // ECP's "#Version: 15.0.0.0" is a placeholder; its EventData BLD is the build, here patched mid-day on 03-06
        assertThat(ecp.builds()).containsExactly(
                new LogCoverage.BuildSeen("15.1.2176.2", Instant.parse("2021-03-03T06:49:51.389Z"), Instant.parse("2021-03-06T02:14:07.551Z")),
                new LogCoverage.BuildSeen("15.1.2176.9", Instant.parse("2021-03-06T03:02:55.870Z"), Instant.parse("2021-03-06T03:03:10.004Z")));
        assertThat(coverage.coverage()).extracting(LogCoverage::type).containsExactly("exchange", "exchange-ecp-activity",
                "exchange-ecp-server", "exchange-ews", "exchange-httpproxy", "exchange-messagetracking",
                "exchange-oabgenerator", "exchange-rps");
    }

    @Test
    void normalizesBuildsAndRejectsWhatIsNoBuild() {
        assertThat(Builds.normalize("15.01.2375.007")).isEqualTo("15.1.2375.7");
        assertThat(Builds.normalize(" 15.2.986.5 ")).isEqualTo("15.2.986.5");
        assertThat(Builds.normalize("15.0.0.0")).isNull();
        assertThat(Builds.normalize("15.1.2375")).isNull();
        assertThat(Builds.normalize("15.1.x.7")).isNull();
        assertThat(Builds.normalize(null)).isNull();
        assertThat(Builds.ORDER.compare("15.1.999.1", "15.1.2375.7")).isNegative();
    }
}
