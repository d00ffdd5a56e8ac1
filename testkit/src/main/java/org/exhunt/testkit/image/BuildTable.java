package org.exhunt.testkit.image;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The Exchange build table ({@code ../shared/data/exchange-builds.csv}, copied byte for byte to
 * {@code rules/kb/exchange-builds.csv}) read as an oracle: its {@code patched_for} and {@code other_kev_fixed}
 * columns come from HealthChecker's logic and the security-update notes, and exhunt's knowledge base never
 * reads them, so they check exhunt's exposure answers from outside.
 */
public final class BuildTable {

    /** One row of the table. */
    public record Build(String product, String update, LocalDate released, String build, Set<String> patchedFor,
                        Set<String> otherFixed, String notes) {

        /** The product family: 2010, 2013, 2016, 2019 or SE. */
        public String family() {
            return product.replace("Exchange Server ", "").replace(" SP3", "");
        }
    }

    private final Map<String, Build> byBuild = new LinkedHashMap<>();

    private BuildTable(List<Build> builds) {
        for (Build b : builds) byBuild.putIfAbsent(b.build(), b);
    }

    public static BuildTable read(Path csv) throws IOException {
        List<Build> builds = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                builds.add(new Build(r.get("product"), r.get("update_name"), released(r.get("release_date")),
                        r.get("build_short"), split(r.get("patched_for"), ";"), split(r.get("other_kev_fixed"), " "),
                        r.get("notes")));
            }
        }
        return new BuildTable(builds);
    }

    public Optional<Build> find(String build) {
        return Optional.ofNullable(byBuild.get(build));
    }

    public Build get(String build) {
        return find(build).orElseThrow(() -> new IllegalArgumentException("not in the build table: " + build));
    }

    /** Every build, in the table's order. */
    public List<Build> all() {
        return List.copyOf(byBuild.values());
    }

    /** {@code 2021-03-02}, or {@code 2021-03} for the few builds whose source gives only the month (its last day). */
    private static LocalDate released(String date) {
        return date.length() == 7 ? java.time.YearMonth.parse(date).atEndOfMonth() : LocalDate.parse(date);
    }

    private static Set<String> split(String value, String separator) {
        Set<String> out = new TreeSet<>();
        for (String v : value.split(separator)) {
            String t = v.trim();
            int paren = t.indexOf('(');   // "CVE-2022-41080(OWASSRF)"
            if (paren > 0) t = t.substring(0, paren);
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    @Override
    public String toString() {
        return byBuild.size() + " builds: " + Arrays.toString(byBuild.keySet().stream().limit(3).toArray()) + "...";
    }
}
