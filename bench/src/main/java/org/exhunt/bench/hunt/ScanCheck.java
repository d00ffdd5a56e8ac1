package org.exhunt.bench.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.core.Rows;
import org.exhunt.testkit.image.BuildTable;
import org.exhunt.testkit.image.ExpectedScan;
import org.exhunt.testkit.image.LargeScenarios;
import org.exhunt.testkit.image.Oracle;

/**
 * Checks a scan's answer on a benchmark image, so that a fast wrong scan fails; prints what is wrong and exits 1, or
 * prints a one-line summary. {@code ScanCheck image REPORT.jsonl DIR} checks the report of {@code exhunt scan DIR/drive}
 * against what the test kit's {@link Oracle} expects of the image's scenario (the rows, and the findings by the file,
 * record and chain they come from: worked out from the scenario, never taken from a scan) and against the image's
 * {@code image.properties} (every log file read); {@code ScanCheck flood REPORT.jsonl} checks the report on a
 * {@link FloodImage}: every request an attempt, all but the capped number counted, none lost.
 */
public final class ScanCheck {

    /** The build table the oracle reads, beside the rule pack it is copied into (bench/hunt.sh runs from the project). */
    private static final Path BUILD_TABLE = Path.of("rules/kb/exchange-builds.csv");
    private static final Pattern FILES_READ = Pattern.compile("(\\d+) files examined in the web-shell locations, (\\d+) log files read");
    private static final Pattern COVERAGE = Pattern.compile("(\\S+) logs: (\\d+) records in (\\d+) files?.*");

    private final List<String> problems = new ArrayList<>();

    private ScanCheck() {}

    public static void main(String[] args) throws IOException {
        boolean image = args.length == 3 && args[0].equals("image");
        if (!image && !(args.length == 2 && args[0].equals("flood"))) {
            System.err.println("usage: ScanCheck image REPORT.jsonl DIR | flood REPORT.jsonl");
            System.exit(2);
        }
        ScanCheck check = new ScanCheck();
        List<JsonNode> report = read(Path.of(args[1]));
        String summary = image ? check.image(report, ImageTally.load(Path.of(args[2], "image.properties"))) : check.flood(report);
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

    private String image(List<JsonNode> report, ImageTally image) throws IOException {
        ExpectedScan expected = Oracle.expect(LargeScenarios.twoIntrusions(image.settingFiles(),
                (long) image.settingLogMb() << 20), BuildTable.read(BUILD_TABLE));
        List<JsonNode> verdicts = of(report, "verdict");
        List<JsonNode> findings = of(report, "finding");
        List<String> notes = of(report, "note").stream().map(n -> n.get("text").asText()).toList();

        for (ExpectedScan.Row row : expected.verdicts()) {
            JsonNode v = verdicts.stream().filter(x -> x.get("row").asText().equals(row.row())).findFirst().orElse(null);
            if (v == null) {
                problems.add("no verdict row " + row.row());
                continue;
            }
            String compromise = v.get("compromise").asText();
            if (!row.compromise().contains(compromise)) {
                problems.add(row.row() + " is " + compromise + ", expected " + String.join(" or ", row.compromise()) + " ("
                        + row.why() + "): " + v.get("reason").asText());
            }
            if (row.exposure() != null && !row.exposure().equals(v.get("exposure").asText())) {
                problems.add(row.row() + " exposure is " + v.get("exposure").asText() + ", expected " + row.exposure());
            }
        }
        // every trace and file a correct scan must report, whatever rule finds it: by its file and record, and chain
        long required = 0;
        for (ExpectedScan.Finding e : expected.findings()) {
            if (!e.required()) continue;
            required++;
            if (findings.stream().noneMatch(f -> sameRecord(f, e) && Objects.equals(e.chain(), chain(f)))) {
                problems.add("missing: " + e.source() + (e.time() == null ? "" : " at " + e.time())
                        + (e.chain() == null ? ", unlinked" : ", " + e.chain()) + ": " + e.what());
            }
        }
        // and no evidence elsewhere: a finding that is more than context stands at an expected trace or file, with its chain
        for (JsonNode f : findings) {
            if (context(f)) continue;
            if (expected.findings().stream().noneMatch(e -> !e.benign() && sameRecord(f, e) && Objects.equals(e.chain(), chain(f)))) {
                problems.add("false positive: " + f.get("rule_id").asText() + " at " + f.get("source").get("file").asText()
                        + (f.get("time").isNull() ? "" : " " + f.get("time").asText()) + ", chain " + chain(f));
            }
        }
        if (findings.stream().noneMatch(f -> f.get("rule_id").asText().equals("exhunt.ioc.attacker-ips"))) {
            problems.add("no request from the listed attacker address " + LargeScenarios.PROXYLOGON_IP + " was found");
        }
        if (report.stream().anyMatch(n -> n.get("type").asText().equals("diagnostic"))) {
            problems.add("the scan reported problems: " + of(report, "diagnostic"));
        }

        long logsRead = -1;
        for (String n : notes) {
            Matcher m = FILES_READ.matcher(n);
            if (m.matches()) logsRead = Long.parseLong(m.group(2));
        }
        if (logsRead != image.logFiles()) problems.add(logsRead + " log files read, the image holds " + image.logFiles());
        long records = 0;
        for (String n : notes) {
            Matcher m = COVERAGE.matcher(n);
            if (m.matches()) records += Long.parseLong(m.group(2));
        }
        return String.format("%d verdict rows as the test kit's oracle expects, %d findings, all %d required ones found"
                + " and none elsewhere, %d log files and %,d log records read", verdicts.size(), findings.size(), required,
                logsRead, records);
    }

    /** The same file (the expected drive path at the end of the scanned path) and, for log records, the same time. */
    private static boolean sameRecord(JsonNode f, ExpectedScan.Finding e) {
        String file = f.get("source").get("file").asText().replace('\\', '/').toLowerCase(Locale.ROOT);
        return file.endsWith("/" + e.source().toLowerCase(Locale.ROOT))
                && (e.time() == null || (!f.get("time").isNull() && e.time().equals(Instant.parse(f.get("time").asText()))));
    }

    /** Whether the finding's rule states it is context, not evidence (its stage tag). */
    private static boolean context(JsonNode f) {
        for (JsonNode tag : f.get("tags")) if (tag.asText().equals("exhunt.stage.context")) return true;
        return false;
    }

    private static String chain(JsonNode f) {
        return f.get("chain").isNull() ? null : f.get("chain").asText();
    }

    private static final Pattern DROPPED = Pattern.compile("rule exhunt\\.ioc\\.attacker-ips: (\\d+) more findings not kept .*");

    private String flood(List<JsonNode> report) {
        long records = 0;
        long dropped = -1;
        for (JsonNode n : of(report, "note")) {
            Matcher c = COVERAGE.matcher(n.get("text").asText());
            if (c.matches() && c.group(1).equals("iis")) records = Long.parseLong(c.group(2));
            Matcher d = DROPPED.matcher(n.get("text").asText());
            if (d.matches()) dropped = Long.parseLong(d.group(1));
        }
        long kept = of(report, "finding").stream().filter(f -> f.get("rule_id").asText().equals("exhunt.ioc.attacker-ips")).count();
        if (dropped < 0) problems.add("no note of the findings not kept");
        if (kept + dropped != records) {
            problems.add(kept + " attacker-address findings kept and " + dropped + " counted, for " + records + " requests");
        }
        String proxyLogon = of(report, "verdict").stream().filter(v -> v.get("row").asText().equals(Rows.PROXYLOGON))
                .map(v -> v.get("compromise").asText()).findFirst().orElse("missing");
        if (!proxyLogon.equals("ATTEMPTED")) problems.add("ProxyLogon is " + proxyLogon + ", not ATTEMPTED");
        return String.format("%,d requests from %s: %,d findings kept, %,d counted and reported, ProxyLogon %s", records,
                LargeScenarios.PROXYLOGON_IP, kept, dropped, proxyLogon);
    }

    private static List<JsonNode> of(List<JsonNode> report, String type) {
        return report.stream().filter(n -> n.get("type").asText().equals(type)).toList();
    }

    private static String evidence(JsonNode finding, String name) {
        for (JsonNode e : finding.get("evidence")) {
            if (e.get("name").asText().equals(name)) return e.get("value").asText();
        }
        return null;
    }
}
