package org.exhunt.kb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The files of {@code rules/kb/} parsed and cross-checked: every name used is defined, every value parses. The
 * build table is {@code exchange-builds.csv} (the team's table, unchanged) and {@code added-builds.csv} (the
 * security updates it lacks) read as one.
 */
record KbData(List<Build> builds, List<ProductLine> products, List<Row> rows,
              Map<String, Vulnerability> vulnerabilities, Map<String, SecurityUpdate> updatesByKb,
              Set<BuildNumber> withoutRollup, List<UrlRewriteMitigation> mitigations) {

    static KbData read(Function<String, String> read) {
        List<ProductLine> products = products(lines(read, "products.csv"));
        Set<String> families = new HashSet<>();
        products.forEach(p -> families.add(p.family()));
        Map<String, Vulnerability> vulnerabilities = vulnerabilities(lines(read, "vulnerabilities.csv"), families);
        List<Row> rows = rows(lines(read, "rows.csv"), vulnerabilities);
        Map<String, SecurityUpdate> updates = updates(lines(read, "security-updates.csv"), vulnerabilities);
        List<Csv.Line> table = new ArrayList<>(lines(read, "exchange-builds.csv"));
        table.addAll(lines(read, "added-builds.csv"));
        List<Build> builds = UpdateFixes.attach(builds(table), lines(read, "update-fixes.csv"), products, updates);
        return new KbData(builds, products, rows, vulnerabilities, updates,
                withoutRollup(lines(read, "updates-without-rollup.csv")),
                mitigations(lines(read, "url-rewrite-mitigations.csv"), vulnerabilities));
    }

    private static List<Csv.Line> lines(Function<String, String> read, String file) {
        String text = read.apply(file);
        if (text == null) throw new KbDataException(file, 0, "missing");
        return Csv.read(file, text);
    }

    private static List<Build> builds(List<Csv.Line> lines) {
        List<Build> out = new ArrayList<>();
        Map<BuildNumber, Build> cuBase = new HashMap<>();
        Set<BuildNumber> seen = new HashSet<>();
        for (Csv.Line l : lines) {
            BuildNumber n = build(l, "build_short");
            if (!n.longForm().equals(l.get("build_long"))) {
                throw l.error("build_long " + l.get("build_long") + " is not the long form of " + n);
            }
            if (!seen.add(n)) throw l.error("build " + n + " listed twice");
            String released = l.get("release_date");
            if (!released.matches("\\d{4}-\\d{2}(-\\d{2})?")) throw l.error("release_date not yyyy-MM[-dd]: " + released);
            out.add(new Build(l.get("product"), l.get("update_name"), "", "", released, n, l.get("kb"),
                    l.get("notes"), l.get("source"), List.of()));
        }
        out.sort((a, b) -> a.number().compareTo(b.number()));
        List<Build> named = new ArrayList<>();
        for (Build b : out) {
            Build base = cuBase.computeIfAbsent(b.number().cu(), k -> b);
            named.add(withCuAndSu(b, base));
        }
        return named;
    }

    /** The CU part of an update's name is its base build's name, the rest is the update: CU19 + Mar21SU. */
    private static Build withCuAndSu(Build b, Build base) {
        String first = b.update().split(" ", 2)[0];
        boolean sameCu = b != base && first.equals(base.update().split(" ", 2)[0]);
        String cu = sameCu ? base.update() : b.update();
        String su = sameCu ? b.update().substring(first.length()).strip() : "";
        return new Build(b.product(), b.update(), cu, su, b.released(), b.number(), b.kb(), b.notes(), b.source(),
                b.fixes());
    }

    private static List<ProductLine> products(List<Csv.Line> lines) {
        List<ProductLine> out = new ArrayList<>();
        for (Csv.Line l : lines) {
            String end = l.get("end_of_support");
            out.add(new ProductLine(l.get("product"), l.get("family"), build(l, "from_build"), build(l, "to_build"),
                    end.isEmpty() ? null : date(l, end), l.get("support_note"), l.get("source")));
        }
        return out;
    }

    private static Map<String, Vulnerability> vulnerabilities(List<Csv.Line> lines, Set<String> families) {
        Map<String, Vulnerability> out = new LinkedHashMap<>();
        for (Csv.Line l : lines) {
            Set<String> affects = new LinkedHashSet<>(words(l.get("affects")));
            for (String f : affects) if (!families.contains(f)) throw l.error("unknown product family " + f);
            out.put(l.get("cve"), new Vulnerability(cve(l, l.get("cve")), l.get("row"), yesNo(l, "entry"), affects,
                    l.get("summary"), l.get("source")));
        }
        return out;
    }

    private static List<Row> rows(List<Csv.Line> lines, Map<String, Vulnerability> vulnerabilities) {
        List<Row> out = new ArrayList<>();
        for (Csv.Line l : lines) {
            String name = l.get("row");
            List<String> cves = vulnerabilities.values().stream().filter(v -> v.row().equals(name))
                    .map(Vulnerability::cve).toList();
            if (cves.isEmpty()) throw l.error("row " + name + " has no CVE in vulnerabilities.csv");
            out.add(new Row(name, l.get("title"), cves, date(l, l.get("first_exploited")), l.get("first_exploited_source")));
        }
        for (Vulnerability v : vulnerabilities.values()) {
            if (out.stream().noneMatch(r -> r.name().equals(v.row()))) {
                throw new KbDataException("vulnerabilities.csv", 0, v.cve() + " names row " + v.row() + ", not in rows.csv");
            }
        }
        return out;
    }

    private static Map<String, SecurityUpdate> updates(List<Csv.Line> lines, Map<String, Vulnerability> vulnerabilities) {
        Map<String, SecurityUpdate> out = new LinkedHashMap<>();
        for (Csv.Line l : lines) {
            Set<String> fixes = new LinkedHashSet<>(words(l.get("fixes")));
            for (String cve : fixes) if (!vulnerabilities.containsKey(cve)) throw l.error("unknown CVE " + cve);
            out.put(l.get("kb"), new SecurityUpdate(l.get("kb"), l.get("update"), fixes, l.get("source")));
        }
        return out;
    }

    private static Set<BuildNumber> withoutRollup(List<Csv.Line> lines) {
        Set<BuildNumber> out = new HashSet<>();
        for (Csv.Line l : lines) out.add(build(l, "build"));
        return out;
    }

    private static List<UrlRewriteMitigation> mitigations(List<Csv.Line> lines, Map<String, Vulnerability> vulnerabilities) {
        List<UrlRewriteMitigation> out = new ArrayList<>();
        for (Csv.Line l : lines) {
            if (!vulnerabilities.containsKey(l.get("blocks"))) throw l.error("unknown CVE " + l.get("blocks"));
            out.add(new UrlRewriteMitigation(l.get("id"), l.get("group"), l.get("rule_name"), l.get("blocks"),
                    l.get("input"), l.get("pattern"), yesNo(l, "effective"), l.get("note"), l.get("source")));
        }
        return out;
    }

    private static BuildNumber build(Csv.Line l, String column) {
        try {
            BuildNumber n = BuildNumber.parse(l.get(column));
            if (n.isCuOnly()) throw l.error(column + " needs four parts: " + n);
            return n;
        } catch (MalformedBuildNumberException e) {
            throw l.error(e.getMessage());
        }
    }

    private static LocalDate date(Csv.Line l, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw l.error("not a yyyy-MM-dd date: " + text);
        }
    }

    private static String cve(Csv.Line l, String text) {
        if (!text.matches("CVE-\\d{4}-\\d{4,}")) throw l.error("not a CVE id: " + text);
        return text;
    }

    private static boolean yesNo(Csv.Line l, String column) {
        return switch (l.get(column)) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw l.error(column + " must be yes or no: " + l.get(column));
        };
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
