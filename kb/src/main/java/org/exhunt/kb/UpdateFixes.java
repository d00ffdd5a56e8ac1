package org.exhunt.kb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each build's own update fixes ({@code update-fixes.csv}): entries by product family and update name
 * ({@code 2016,Nov19SU}), optionally for some CUs only ({@code Mar21SU} fixed seven CVEs on the CUs then current and
 * four on the out-of-date ones). The fixes {@code security-updates.csv} gives the build's KB are added, so that the
 * list never lacks a fix the exposure rows count.
 */
final class UpdateFixes {

    private record Entry(Csv.Line line, String family, String update, Set<String> cus, List<String> fixes) {

        boolean isFor(String family, Build b) {
            return this.family.equals(family) && update.equals(b.su()) && (cus.isEmpty() || cus.contains(b.cu()));
        }
    }

    private UpdateFixes() {}

    /** The builds with their fixes; every entry must name a family and fit at least one build. */
    static List<Build> attach(List<Build> builds, List<Csv.Line> lines, List<ProductLine> products,
                              Map<String, SecurityUpdate> updatesByKb) {
        Set<String> families = new HashSet<>();
        products.forEach(p -> families.add(p.family()));
        List<Entry> entries = new ArrayList<>();
        for (Csv.Line l : lines) {
            if (!families.contains(l.get("family"))) throw l.error("unknown product family " + l.get("family"));
            List<String> fixes = words(l.get("fixes"));
            for (String id : fixes) {
                if (!id.matches("CVE-\\d{4}-\\d{4,}|ADV\\d{6}")) throw l.error("not a CVE or advisory id: " + id);
            }
            entries.add(new Entry(l, l.get("family"), l.get("update"), Set.copyOf(words(l.get("cus"))), fixes));
        }
        // an entry for named CUs is more specific than one for every CU
        entries.sort((a, b) -> Boolean.compare(a.cus().isEmpty(), b.cus().isEmpty()));
        Set<Entry> used = new HashSet<>();
        List<Build> out = new ArrayList<>(builds.size());
        for (Build b : builds) {
            String family = products.stream().filter(p -> p.contains(b.number())).map(ProductLine::family)
                    .findFirst().orElse("");
            Entry entry = entries.stream().filter(e -> e.isFor(family, b)).findFirst().orElse(null);
            Set<String> fixes = new TreeSet<>();
            if (entry != null) {
                fixes.addAll(entry.fixes());
                used.add(entry);
            }
            SecurityUpdate update = updatesByKb.get(b.kb());
            if (update != null) fixes.addAll(update.fixes());
            out.add(fixes.isEmpty() ? b : new Build(b.product(), b.update(), b.cu(), b.su(), b.released(), b.number(),
                    b.kb(), b.notes(), b.source(), List.copyOf(fixes)));
        }
        for (Entry e : entries) {
            if (!used.contains(e)) throw e.line().error("no build of " + e.family() + " " + e.update() + " in the build table");
        }
        return out;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
