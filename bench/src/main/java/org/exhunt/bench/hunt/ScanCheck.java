package org.exhunt.bench.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.testkit.logs.PlantedEvent;

/**
 * Checks a scan's answer on a benchmark image, so that a fast wrong scan fails; prints what is wrong and exits 1, or
 * prints a one-line summary. {@code ScanCheck image REPORT.jsonl DIR} checks the report of {@code exhunt scan DIR/drive}
 * against the image's {@code image.properties} and {@link Intrusion}'s expectations (rows and rules written down from
 * the rule files, never taken from a scan; each planted file the intrusions request used from its first request);
 * {@code ScanCheck flood REPORT.jsonl} checks the report on a {@link FloodImage}: every request an attempt, all but
 * the capped number counted, none lost.
 */
public final class ScanCheck {

    /** The finding of a planted file's use, at its first request (hunt's RequestedFiles), accepted on planted files only. */
    private static final String REQUESTED = "exhunt.web-shell-requested";
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

    /** The rule ids of a finding and of the events it links (the traces of one LSASS dump are one finding). */
    private static void ruleIds(JsonNode finding, Set<String> out) {
        out.add(finding.get("rule_id").asText());
        finding.get("linked").forEach(l -> ruleIds(l, out));
    }

    private static List<JsonNode> read(Path report) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(report)) {
            for (String line; (line = r.readLine()) != null; ) lines.add(json.readTree(line));
        }
        return lines;
    }

    private String image(List<JsonNode> report, ImageTally image) {
        List<JsonNode> verdicts = of(report, "verdict");
        List<JsonNode> findings = of(report, "finding");
        List<String> notes = of(report, "note").stream().map(n -> n.get("text").asText()).toList();

        for (JsonNode v : verdicts) {
            String row = v.get("row").asText();
            String compromise = v.get("compromise").asText();
            boolean hit = compromise.equals("COMPROMISED") || compromise.equals("ATTEMPTED");
            if (Intrusion.COMPROMISED_ROWS.contains(row) ? !compromise.equals("COMPROMISED") : hit) {
                problems.add(row + " is " + compromise + ": " + v.get("reason").asText());
            }
            if ((row.equals("ProxyLogon") || row.equals("ProxyShell")) && !v.get("exposure").asText().equals("VULNERABLE")) {
                problems.add(row + " exposure is " + v.get("exposure").asText() + ", the image's build is " + InstallTree.BUILD);
            }
        }
        if (verdicts.size() < Intrusion.COMPROMISED_ROWS.size()) problems.add("only " + verdicts.size() + " verdict rows");

        Set<String> planted = new HashSet<>();
        for (Intrusion.Shell s : Intrusion.shells()) {
            String path = "C:\\" + s.path().replace('/', '\\');
            planted.add(path);
            boolean found = findings.stream().anyMatch(f -> f.get("rule_id").asText().equals(s.ruleId())
                    && path.equals(evidence(f, "path"))
                    && (s.chain() == null ? f.get("chain").isNull() : s.chain().equals(f.get("chain").asText())));
            if (!found) {
                problems.add("no " + s.ruleId() + " finding on " + path + (s.chain() == null ? " unlinked" : " linked to " + s.chain()));
            }
            // the file's use: one finding at its first request, in the file's row; none for a file nobody requested
            PlantedEvent.WebShellRequest first = Intrusion.firstRequest(s);
            List<JsonNode> used = findings.stream().filter(f -> f.get("rule_id").asText().equals(REQUESTED)
                    && path.equals(evidence(f, "path"))).toList();
            boolean right = first != null && used.size() == 1 && first.at().equals(Instant.parse(used.get(0).get("time").asText()))
                    && (s.chain() == null ? used.get(0).get("chain").isNull() : s.chain().equals(used.get(0).get("chain").asText()));
            if (first == null && !used.isEmpty()) problems.add(REQUESTED + " on " + path + ", which no planted request asks for");
            if (first != null && !right) {
                problems.add("not one " + REQUESTED + " finding on " + path + " at its first request " + first.at()
                        + (s.chain() == null ? " unlinked" : " linked to " + s.chain()) + ": " + used);
            }
        }
        for (JsonNode f : findings) {
            String path = evidence(f, "path");
            if (path != null && !planted.contains(path)) problems.add("false positive: " + f.get("rule_id").asText() + " on " + path);
        }
        Set<String> fired = new HashSet<>();
        findings.forEach(f -> ruleIds(f, fired));
        for (String rule : Intrusion.SIGMA_RULES) {
            if (!fired.contains(rule)) {
                problems.add("Sigma rule " + rule + " did not fire");
            }
        }
        if (findings.stream().noneMatch(f -> f.get("rule_id").asText().equals("exhunt.ioc.attacker-ips"))) {
            problems.add("no request from the listed attacker address " + Intrusion.PROXYLOGON_IP + " was found");
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
        long used = Intrusion.shells().stream().filter(s -> Intrusion.firstRequest(s) != null).count();
        return String.format("%d verdict rows as expected, %d findings, all %d planted files found (the %d requested ones used)"
                + " and none other, %d log files and %,d log records read", verdicts.size(), findings.size(), planted.size(), used,
                logsRead, records);
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
        String proxyLogon = of(report, "verdict").stream().filter(v -> v.get("row").asText().equals("ProxyLogon"))
                .map(v -> v.get("compromise").asText()).findFirst().orElse("missing");
        if (!proxyLogon.equals("ATTEMPTED")) problems.add("ProxyLogon is " + proxyLogon + ", not ATTEMPTED");
        return String.format("%,d requests from %s: %,d findings kept, %,d counted and reported, ProxyLogon %s", records,
                Intrusion.PROXYLOGON_IP, kept, dropped, proxyLogon);
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
