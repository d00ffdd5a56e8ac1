package org.exhunt.bench.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Rows;
import org.exhunt.testkit.image.BuildTable;
import org.exhunt.testkit.image.ExpectedScan;
import org.exhunt.testkit.image.LargeScenarios;
import org.exhunt.testkit.image.Oracle;
import org.exhunt.testkit.image.ScanAnswer;
import org.exhunt.testkit.image.ScanCheck;

/**
 * Checks a scan's report on a benchmark image, so that a fast wrong scan fails; prints what is wrong and exits 1, or
 * prints a one-line summary. {@code ReportCheck image REPORT.jsonl DIR EXIT} checks the report of
 * {@code exhunt scan DIR/drive} and its exit code with the test kit's {@link ScanCheck}, the one check of every image,
 * against what its {@link Oracle} expects of the image's scenario (the rows, the exit code, the findings by the file,
 * record, chain and stage they come from, no evidence anywhere else, each row's first evidence: worked out from the
 * scenario, never taken from a scan), then what only the benchmark knows: every log file of the image read (its
 * {@code image.properties}), the listed attacker address found, nothing left unread. {@code ReportCheck flood
 * REPORT.jsonl EXIT} checks the report on a {@link FloodImage}: every request an attempt, all but the capped number
 * counted, none lost. Both read the report's data (its verdict and finding lines and the server's {@code facts} line),
 * never the notes that put the facts into words.
 */
public final class ReportCheck {

    /** The build table the oracle reads, beside the rule pack it is copied into (bench/hunt.sh runs from the project). */
    private static final Path BUILD_TABLE = Path.of("rules/kb/exchange-builds.csv");
    private static final String ATTACKER_IPS = "exhunt.ioc.attacker-ips";

    private final List<String> problems = new ArrayList<>();

    private ReportCheck() {}

    public static void main(String[] args) throws IOException {
        boolean image = args.length == 4 && args[0].equals("image");
        if (!image && !(args.length == 3 && args[0].equals("flood"))) {
            System.err.println("usage: ReportCheck image REPORT.jsonl DIR EXIT | flood REPORT.jsonl EXIT");
            System.exit(2);
        }
        ReportCheck check = new ReportCheck();
        List<JsonNode> report = read(Path.of(args[1]));
        int exit = Integer.parseInt(args[args.length - 1]);
        String summary = image ? check.image(report, ImageTally.load(Path.of(args[2], "image.properties")), exit)
                : check.flood(report, exit);
        if (!check.problems.isEmpty()) {
            check.problems.forEach(p -> System.out.println("WRONG: " + p));
            System.exit(1);
        }
        System.out.println("answer checked: " + summary);
    }

    private static List<JsonNode> read(Path report) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(report)) {
            for (String line; (line = r.readLine()) != null; ) lines.add(json.readTree(line));
        }
        return lines;
    }

    private String image(List<JsonNode> report, ImageTally image, int exit) throws IOException {
        ExpectedScan expected = Oracle.expect(LargeScenarios.twoIntrusions(image.settingFiles(),
                (long) image.settingLogMb() << 20), BuildTable.read(BUILD_TABLE));
        ScanAnswer answer = ScanAnswer.ofJsonl(report);
        ScanCheck.check(expected, answer, exit).forEach(m -> problems.add(m.toString()));

        if (answer.findings().stream().noneMatch(f -> f.ruleId().equals(ATTACKER_IPS))) {
            problems.add("no request from the listed attacker address " + LargeScenarios.PROXYLOGON_IP + " was found");
        }
        if (!of(report, "diagnostic").isEmpty()) problems.add("the scan reported problems: " + of(report, "diagnostic"));
        JsonNode scan = scanFacts(report);
        long logsRead = scan.at("/examined/log_files_read").asLong(-1);
        if (logsRead != image.logFiles()) problems.add(logsRead + " log files read, the image holds " + image.logFiles());
        long records = 0;
        for (JsonNode c : scan.get("logs")) records += c.get("records").asLong();
        return String.format("%d verdict rows and exit code %d as the test kit's oracle expects, %d findings, all %d required"
                + " ones found at their stage and none elsewhere, %d log files and %,d log records read", answer.verdicts().size(),
                exit, answer.findings().size(), expected.findings().stream().filter(ExpectedScan.Finding::required).count(),
                logsRead, records);
    }

    private String flood(List<JsonNode> report, int exit) {
        JsonNode scan = scanFacts(report);
        long records = 0;
        long dropped = -1;
        for (JsonNode c : scan.get("logs")) {
            if (c.get("type").asText().equals("iis")) records = c.get("records").asLong();
        }
        for (JsonNode n : scan.get("dropped_per_rule")) {
            if (n.get("rule").asText().equals(ATTACKER_IPS)) dropped = n.get("findings").asLong();
        }
        List<JsonNode> findings = of(report, "finding").stream().filter(f -> f.get("rule_id").asText().equals(ATTACKER_IPS))
                .toList();
        long kept = findings.size();
        if (dropped < 0) problems.add("no count of the findings not kept");
        if (kept + dropped != records) {
            problems.add(kept + " attacker-address findings kept and " + dropped + " counted, for " + records + " requests");
        }
        findings.stream().filter(f -> !f.get("stage").asText().equals("attempt")).findFirst().ifPresent(f -> problems.add(
                "a request from the attacker address is " + f.get("stage").asText() + ", not an attempt: " + f));
        String proxyLogon = of(report, "verdict").stream().filter(v -> v.get("row").asText().equals(Rows.PROXYLOGON))
                .map(v -> v.get("compromise").asText()).findFirst().orElse("missing");
        if (!proxyLogon.equals("ATTEMPTED")) problems.add("ProxyLogon is " + proxyLogon + ", not ATTEMPTED");
        if (exit != 1) problems.add("exit code " + exit + ", expected 1 (an attempt)");
        return String.format("%,d requests from %s: %,d findings kept, %,d counted and reported, ProxyLogon %s, exit code %d",
                records, LargeScenarios.PROXYLOGON_IP, kept, dropped, proxyLogon, exit);
    }

    /** The one server's scan facts. */
    private static JsonNode scanFacts(List<JsonNode> report) {
        List<JsonNode> facts = of(report, "facts");
        if (facts.size() != 1) throw new IllegalStateException(facts.size() + " facts lines in the report, expected 1");
        return facts.get(0).get("scan");
    }

    private static List<JsonNode> of(List<JsonNode> report, String type) {
        return report.stream().filter(n -> n.get("type").asText().equals(type)).toList();
    }
}
