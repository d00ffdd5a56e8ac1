package org.exhunt.logs.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exhunt.core.MapRecord;
import org.exhunt.core.SourceRef;
import java.util.stream.Stream;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.logs.LogFiles;
import org.exhunt.logs.RecordStream;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.junit.jupiter.api.Test;

class CoverageCollectorTest {

    /** Reads every golden input under {@code /golden/<folder>} into one collector, as a scan does. */
    private static CoverageCollector golden(String folder) throws Exception {
        Path root = Path.of(CoverageCollectorTest.class.getResource("/golden/" + folder).toURI());
        CoverageCollector coverage = new CoverageCollector();
        List<Path> inputs;
        try (Stream<Path> files = Files.walk(root)) {
            inputs = files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path p : inputs) {
            try (InputStream in = Files.newInputStream(p)) {
                read(root.relativize(p).toString(), in, coverage);
            }
        }
        return coverage;
    }

    private static void read(String path, InputStream in, CoverageCollector coverage) throws Exception {
        try (RecordStream s = LogFiles.open(path, in, d -> { }).orElseThrow()) {
            s.forEachRemaining(coverage::add);
        }
    }

    private static LogCoverage of(CoverageCollector coverage, String type) {
        return coverage.coverage().stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void givesTimeRangeAndBuildsPerLogTypeOverTheGoldenInputs() throws Exception {
        CoverageCollector coverage = golden("exchange");
        LogCoverage proxy = of(coverage, "exchange-httpproxy");
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

        LogCoverage ecp = of(coverage, "exchange-ecp-server");
        // ECP's "#Version: 15.0.0.0" is a placeholder; its EventData BLD is the build, here patched mid-day on 03-06
        assertThat(ecp.builds()).containsExactly(
                new LogCoverage.BuildSeen("15.1.2176.2", Instant.parse("2021-03-03T06:49:51.389Z"), Instant.parse("2021-03-06T02:14:07.551Z")),
                new LogCoverage.BuildSeen("15.1.2176.9", Instant.parse("2021-03-06T03:02:55.870Z"), Instant.parse("2021-03-06T03:03:10.004Z")));
        assertThat(coverage.coverage()).extracting(LogCoverage::type).containsExactly("exchange", "exchange-ecp-activity",
                "exchange-ecp-server", "exchange-ews", "exchange-httpproxy", "exchange-messagetracking",
                "exchange-oabgenerator", "exchange-rps");
    }

    @Test
    void iisLogsGiveTheirFirstAndLastTimesAndNoBuild() throws Exception {
        LogCoverage iis = of(golden("iis"), "iis");
        assertThat(iis.files()).isEqualTo(4);
        assertThat(iis.records()).isEqualTo(9);
        assertThat(iis.recordsWithoutTime()).isEqualTo(1);   // "99:00:03"
        assertThat(iis.oldest()).isEqualTo(Instant.parse("2021-03-03T00:00:12Z"));
        // the last record of the log without a date field: its date comes from #Date
        assertThat(iis.newest()).isEqualTo(Instant.parse("2021-03-06T08:15:00Z"));
        // IIS says nothing of the Exchange build (an "ExchangeServicesClient/0.0.0.0" user agent is no build)
        assertThat(iis.builds()).isEmpty();
    }

    @Test
    void anEventLogGivesItsOldestAndNewestEventWhateverTheirOrderInTheFile() throws Exception {
        // events are stored in the order they were written, not by TimeCreated (a clock set back, a late
        // forwarded event): the second record is the newest and the third the oldest
        Instant first = Instant.parse("2021-03-03T02:10:00.250Z");
        Instant newest = Instant.parse("2021-08-13T01:01:19.898Z");
        Instant oldest = Instant.parse("2021-03-02T23:59:59.500Z");
        byte[] log = EvtxWriter.toBytes(List.of(EventSamples.unifiedMessagingInvalidCast(first),
                EventSamples.mailboxExportToWebRoot(newest), EventSamples.securityLsassDump(oldest),
                EventSamples.sysmonUmWorkerWritesAspx(first.plusSeconds(5))));
        CoverageCollector coverage = new CoverageCollector();
        read("Windows/System32/winevt/Logs/Application.evtx", new ByteArrayInputStream(log), coverage);

        assertThat(coverage.coverage()).singleElement().satisfies(evtx -> {
            assertThat(evtx.type()).isEqualTo("evtx");
            assertThat(evtx.files()).isEqualTo(1);
            assertThat(evtx.records()).isEqualTo(4);
            assertThat(evtx.recordsWithoutTime()).isZero();
            assertThat(evtx.oldest()).isEqualTo(oldest);
            assertThat(evtx.newest()).isEqualTo(newest);
            // the Exchange build is read from Exchange's own logs only
            assertThat(evtx.builds()).isEmpty();
        });
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

    /** Issue 26: each log's own field for the computer that wrote it, counted per name, merged, at most 16 names. */
    @Test
    void namesTheComputerTheLogsComeFromPerLogTypeAndCapsTheNames() {
        CoverageCollector file = new CoverageCollector();
        Instant t = Instant.parse("2021-03-03T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            file.add(new MapRecord("evtx", Map.of("Computer", "EXCH01.contoso.local"), "", t, SourceRef.line("Security.evtx", i)));
        }
        file.add(new MapRecord("exchange-httpproxy", Map.of("ServerHostName", "EXCH01"), "", t, SourceRef.line("HttpProxy.LOG", 1)));
        file.add(new MapRecord("exchange-ecp-server", Map.of("ServerName", "EXCH02"), "", t, SourceRef.line("ECP.LOG", 1)));
        file.add(new MapRecord("iis", Map.of("s-computername", "-"), "", t, SourceRef.line("u_ex.log", 1)));
        CoverageCollector all = new CoverageCollector();
        all.merge(file);
        all.merge(file);

        assertThat(of(all, "evtx").computers()).containsExactly(Map.entry("EXCH01.contoso.local", 6L));
        assertThat(of(all, "exchange-httpproxy").computers()).containsExactly(Map.entry("EXCH01", 2L));
        assertThat(of(all, "exchange-ecp-server").computers()).containsExactly(Map.entry("EXCH02", 2L));
        assertThat(of(all, "iis").computers()).as("IIS's '-' names nothing").isEmpty();

        CoverageCollector hostile = new CoverageCollector();
        for (int i = 0; i < 1000; i++) {
            hostile.add(new MapRecord("evtx", Map.of("Computer", "HOST" + i), "", t, SourceRef.line("x.evtx", i)));
        }
        assertThat(of(hostile, "evtx").computers()).hasSize(LogCoverage.COMPUTERS_KEPT);
    }
}
