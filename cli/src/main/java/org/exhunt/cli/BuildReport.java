package org.exhunt.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.kb.Build;
import org.exhunt.kb.BuildAssessment;
import org.exhunt.kb.BuildFactsOf;
import org.exhunt.kb.CveAnswer;
import org.exhunt.kb.Placement;
import org.exhunt.kb.ProductLine;
import org.exhunt.kb.RowExposure;
import org.exhunt.kb.UpdatePath;
import org.exhunt.report.BuildWords;

/** How {@code exhunt build} shows a {@link BuildAssessment}: a console page, or one JSON object. */
final class BuildReport {

    private BuildReport() {}

    static void console(PrintWriter out, BuildAssessment a) {
        out.printf("Build     %s (%s)%n", a.build(), a.build().longForm());
        out.printf("Known as  %s%n", a.description());
        a.productLine().ifPresent(p -> out.printf("Product   %s (%s)%n", p.name(), BuildWords.status(BuildFactsOf.support(p))));
        out.printf("CU        %s%n", a.cuName().orElse("unknown"));
        out.printf("SU        %s%n", su(a));
        out.printf("Released  %s%n", a.placement() == Placement.EXACT ? a.known().released() : "unknown");
        if (a.placement() == Placement.EXACT && !a.known().fixes().isEmpty()) {
            out.printf("SU fixes  %s%n", String.join(" ", a.known().fixes()));
        }
        out.println();
        int width = a.rows().stream().mapToInt(r -> r.row().length()).max().orElse(3);
        out.printf("%-" + width + "s  %-12s  %s%n", "ROW", "EXPOSURE", "WHY / WHAT FIXES IT");
        for (RowExposure r : a.rows()) out.printf("%-" + width + "s  %-12s  %s%n", r.row(), r.exposure(), r.reason());
        out.println();
        a.path().ifPresent(p -> out.printf("Update path: %s%n", BuildWords.updatePath(BuildFactsOf.updatePath(p))));
        out.printf("Knowledge base %s%n", a.kbVersion());
    }

    private static String su(BuildAssessment a) {
        return switch (a.placement()) {
            case EXACT -> a.known().su().isEmpty() ? "none" : a.known().su() + (a.known().kb().isEmpty() ? "" : " (" + a.known().kb() + ")");
            case CU_ONLY -> "unknown: only the CU was given";
            default -> "unknown: not a build the knowledge base lists";
        };
    }

    static Map<String, Object> tree(BuildAssessment a) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("build", a.build().toString());
        t.put("build_long", a.build().longForm());
        t.put("placement", a.placement().name());
        t.put("known_as", a.description());
        t.put("product", a.productLine().map(BuildReport::product).orElse(null));
        t.put("cu", a.cuName().orElse(null));
        t.put("update", a.placement() == Placement.EXACT ? build(a.known()) : null);
        List<Object> rows = new ArrayList<>();
        for (RowExposure r : a.rows()) rows.add(row(r));
        t.put("rows", rows);
        t.put("update_path", a.path().map(BuildReport::path).orElse(null));
        t.put("knowledge_base", a.kbVersion());
        return t;
    }

    private static Map<String, Object> product(ProductLine p) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", p.name());
        t.put("end_of_support", p.supportEnded().map(Object::toString).orElse(null));
        t.put("support", BuildWords.status(BuildFactsOf.support(p)));
        return t;
    }

    private static Map<String, Object> row(RowExposure r) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("row", r.row());
        t.put("exposure", r.exposure().name());
        t.put("reason", r.reason());
        t.put("fixed_by", r.fixedByBuild().map(BuildReport::build).orElse(null));
        List<Object> cves = new ArrayList<>();
        for (CveAnswer c : r.cves()) {
            Map<String, Object> cve = new LinkedHashMap<>();
            cve.put("cve", c.cve());
            cve.put("status", c.status().name());
            cves.add(cve);
        }
        t.put("cves", cves);
        return t;
    }

    private static Map<String, Object> build(Build b) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("product", b.product());
        t.put("name", b.update());
        t.put("cu", b.cu());
        t.put("su", b.su().isEmpty() ? null : b.su());
        t.put("build", b.number().toString());
        t.put("kb", b.kb().isEmpty() ? null : b.kb());
        t.put("released", b.released());
        t.put("fixes", b.fixes());
        return t;
    }

    private static Map<String, Object> path(UpdatePath p) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("latest_cu", build(p.latestCu()));
        t.put("latest_update", build(p.latestUpdate()));
        t.put("up_to_date", p.upToDate());
        return t;
    }
}
