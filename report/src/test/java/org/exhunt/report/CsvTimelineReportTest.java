package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.junit.jupiter.api.Test;

/**
 * The CSV timeline read back by an independent RFC 4180 parser (Apache Commons CSV) and checked against
 * Timesketch's import rules (its {@code read_and_validate_csv}: the columns {@code message}, {@code datetime}
 * and {@code timestamp_desc} are mandatory, rows whose datetime does not parse are dropped) and against
 * spreadsheet formula injection.
 */
class CsvTimelineReportTest {

    private final String csv = Reports.sample(new CsvTimelineReport());

    private List<CSVRecord> records() throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(CsvTimelineReport.COLUMNS);
            return parser.getRecords();
        }
    }

    @Test
    void timesketchsMandatoryColumnsComeFirstAndTheHeaderIsTheFirstLineWithoutAByteOrderMark() {
        assertThat(csv).startsWith("message,datetime,timestamp_desc,timestamp,server,chain,level,detector,rule_id,"
                + "title,tags,file,line,offset,record,evidence,finding_id,linked_to,exhunt_version,rules_version,kb_version,stage,"
                + "span_end\r\n");
    }

    @Test
    void oneRowPerFindingAndPerLinkedEvent() throws IOException {
        List<CSVRecord> rows = records().stream().filter(r -> !r.get("rule_id").startsWith("exhunt.window.")).toList();
        assertThat(rows).hasSize(SampleResults.FINDINGS + SampleResults.LINKED);
        String chainId = FindingId.of(SampleResults.SERVER, SampleResults.chain());
        List<CSVRecord> linked = rows.stream().filter(r -> !r.get("linked_to").isEmpty()).toList();
        assertThat(linked).extracting(r -> r.get("linked_to")).containsOnly(chainId);
        assertThat(linked).extracting(r -> r.get("rule_id")).containsExactly(
                "exhunt.httpproxy.cve-2021-26855", "exhunt.ecp.cve-2021-27065", "exhunt.iis.webshell-request");
        assertThat(rows).filteredOn(r -> r.get("finding_id").equals(chainId)).hasSize(1);
    }

    @Test
    void everyDatetimeIsIso8601UtcAndMatchesItsMicrosecondTimestampAndTheRowsAreInTimeOrder() throws IOException {
        Instant previous = Instant.MIN;
        for (CSVRecord r : records()) {
            OffsetDateTime t = OffsetDateTime.parse(r.get("datetime"));
            assertThat(t.getOffset()).isEqualTo(ZoneOffset.UTC);
            assertThat(Long.parseLong(r.get("timestamp"))).isEqualTo(t.toEpochSecond() * 1_000_000 + t.getNano() / 1_000);
            assertThat(t.toInstant()).isAfterOrEqualTo(previous);
            previous = t.toInstant();
            assertThat(r.get("message")).isNotBlank();
            assertThat(r.get("timestamp_desc")).isIn(CsvTimelineReport.EVIDENCE_TIME, CsvTimelineReport.SCAN_TIME,
                    "Exposure window: possibly exposed", "Exposure window: no IIS or HttpProxy logs cover it");
        }
    }

    @Test
    void eachStretchOfAChainsExposureWindowIsARowAtItsStartWithItsEnd() throws IOException {
        List<CSVRecord> window = records().stream().filter(r -> r.get("rule_id").startsWith("exhunt.window.")).toList();
        assertThat(window).extracting(r -> r.get("rule_id"), r -> r.get("chain"), r -> r.get("datetime"), r -> r.get("span_end"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CsvTimelineReport.EXPOSED, "ProxyShell", "2021-08-05T00:00:00.0000000+00:00",
                                "2022-01-11T09:30:00.0000000+00:00"),
                        org.assertj.core.groups.Tuple.tuple(CsvTimelineReport.NOT_COVERED, "ProxyShell", "2021-08-05T00:00:00.0000000+00:00",
                                "2022-01-02T18:00:00.0000000+00:00"));
        assertThat(window.get(1).get("evidence")).isEqualTo("verdict: CANNOT_TELL\nreason: exposed 2021-08-05 to at least 2022-01-11;"
                + " no IIS or HttpProxy logs for 2021-08-05 to 2022-01-02");
    }

    @Test
    void everyRowNamesTheVersionsOfExhuntItsRulePackAndKnowledgeBase() throws IOException {
        assertThat(records()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("exhunt_version")).isEqualTo(SampleResults.RUN.exhuntVersion());
            assertThat(r.get("rules_version")).isEqualTo(SampleResults.RUN.rulesVersion());
            assertThat(r.get("kb_version")).isEqualTo(SampleResults.RUN.kbVersion());
        });
    }

    @Test
    void evidenceWithoutATimeIsPlacedAtTheScanStartAndSaysSo() throws IOException {
        CSVRecord kb = records().stream().filter(r -> r.get("detector").equals("kb")).findFirst().orElseThrow();
        assertThat(kb.get("timestamp_desc")).isEqualTo(CsvTimelineReport.SCAN_TIME);
        assertThat(OffsetDateTime.parse(kb.get("datetime")).toInstant()).isEqualTo(SampleResults.RUN.started());
        assertThat(kb.get("record")).isEqualTo("VS_VERSIONINFO");
        assertThat(kb.get("line")).isEmpty();
    }

    @Test
    void theLinkedSsrfEventKeepsItsPlaceAndEvidence() throws IOException {
        CSVRecord ssrf = records().stream().filter(r -> r.get("rule_id").equals("exhunt.httpproxy.cve-2021-26855"))
                .findFirst().orElseThrow();
        assertThat(ssrf.get("datetime")).isEqualTo("2021-03-03T02:14:10.0000000+00:00");
        assertThat(ssrf.get("timestamp_desc")).isEqualTo(CsvTimelineReport.EVIDENCE_TIME);
        assertThat(ssrf.get("server")).isEqualTo("ex01");
        assertThat(ssrf.get("chain")).isEqualTo("ProxyLogon");
        assertThat(ssrf.get("level")).isEqualTo("high");
        assertThat(ssrf.get("file")).isEqualTo(SampleResults.HTTPPROXY);
        assertThat(ssrf.get("line")).isEqualTo("42");
        assertThat(ssrf.get("tags")).isEqualTo("attack.initial_access,attack.t1190,cve.2021-26855");
        assertThat(ssrf.get("evidence")).startsWith("ClientIpAddress: 203.0.113.7\nMethod: POST\nUrlStem: /ecp/y.js\n");
        assertThat(ssrf.get("message")).isEqualTo("[high] SSRF through the HttpProxy (CVE-2021-26855) | "
                + SampleResults.HTTPPROXY + ":42");
    }

    @Test
    void quotesCommasAndLineBreaksRoundTripThroughAnIndependentParser() throws IOException {
        Finding hostile = SampleResults.hostileFile();
        CSVRecord row = records().stream().filter(r -> r.get("detector").equals("ioc")).findFirst().orElseThrow();
        // a line break inside a value is the attacker's and shows as an escape; those between items are the report's
        String expected = hostile.evidence().stream().map(e -> (e.name() + ": " + e.value()).replace("\r\n", "\\x0d\\x0a"))
                .collect(Collectors.joining("\n"));
        assertThat(row.get("evidence")).isEqualTo(expected).contains("\\x0d\\x0a\"quoted\", with a comma");
        assertThat(row.get("file")).isEqualTo(Printable.visible(SampleResults.HOSTILE_FILE)).contains("\\u202excod.aspx");
        assertThat(csv).contains("\"\"quoted\"\"");
    }

    @Test
    void noCellStartsLikeASpreadsheetFormulaAndNeutralisedCellsKeepTheirText() throws IOException {
        for (CSVRecord r : records()) {
            for (String cell : r.values()) {
                assertThat(cell).as("cell %s", cell).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
        CSVRecord row = records().stream().filter(r -> r.get("detector").equals("ioc")).findFirst().orElseThrow();
        assertThat(row.get("rule_id")).isEqualTo("'-1+1");
        assertThat(row.get("title")).isEqualTo("'" + SampleResults.hostileFile().title());
    }

    @Test
    void theTextCellRuleCoversEveryFormulaStart() {
        Map<String, String> cases = Map.of("=1+1", "'=1+1", "+1", "'+1", "-1", "'-1", "@SUM(A1)", "'@SUM(A1)",
                "\tx", "\\x09x", "\rx", "\\x0dx", "plain", "plain", " =1", " =1", "", "");
        cases.forEach((in, out) -> assertThat(CsvTimelineReport.text(in)).as(in).isEqualTo(out));
        assertThat(CsvTimelineReport.text(null)).isEmpty();
    }

    /** Issue 20, item 8: ESC, BEL and C1 controls from the evidence reach no spreadsheet or pager raw. */
    @Test
    void controlCharactersInACellAreVisibleEscapes() {
        assertThat(CsvTimelineReport.text("\u001b]0;pwned\u0007title\u009b31m")).isEqualTo("\\x1b]0;pwned\\x07title\\u009b31m");
        assertThat(CsvTimelineReport.text("\u001b=1+1")).isEqualTo("\\x1b=1+1");
    }

    @Test
    void recordsEndWithCrlfAsRfc4180Says() {
        assertThat(csv).endsWith("\r\n");
        String withoutQuotedParts = csv.replaceAll("\"(?:[^\"]|\"\")*\"", "\"\"");
        assertThat(withoutQuotedParts.split("\r\n", -1)).allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r"));
    }

    @Test
    void anEmptyRunIsJustTheHeader() {
        String empty = Reports.write(new CsvTimelineReport(), SampleResults.RUN,
                List.<ServerResult>of(SampleResults.ex02()));
        assertThat(empty).isEqualTo(String.join(",", CsvTimelineReport.COLUMNS) + "\r\n");
    }
}
