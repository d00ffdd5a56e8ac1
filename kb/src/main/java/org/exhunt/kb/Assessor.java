package org.exhunt.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exhunt.core.Exposure;

/**
 * Answers {@link KnowledgeBase#assess}: places a build number against the build table, takes each CVE's
 * status from the table's build (or brackets it between known builds when the table does not list it),
 * and words one {@link RowExposure} per row.
 *
 * <p>For a build the table does not list, a CVE is FIXED only when a known build it necessarily comes after
 * has the fix, OPEN only when a known CU it necessarily comes before still lacks it (CUs ship in build-number
 * order, so a build before a CU was built before it), and UNKNOWN otherwise.
 */
final class Assessor {

    private final KnowledgeBase kb;
    private final FixIndex index;

    Assessor(KnowledgeBase kb, FixIndex index) {
        this.kb = kb;
        this.index = index;
    }

    BuildAssessment assess(BuildNumber x) {
        ProductLine product = kb.productOf(x).orElse(null);
        if (product == null) return unknownProduct(x);
        List<Build> line = kb.buildsOf(product);
        List<Build> cuBuilds = line.stream().filter(b -> b.number().cu().equals(x.cu())).toList();
        Build exact = cuBuilds.stream().filter(b -> b.number().equals(x)).findFirst().orElse(null);
        Build below = cuBuilds.stream().filter(b -> b.number().compareTo(x) < 0).reduce((a, b) -> b).orElse(null);
        Context c;
        if (exact != null) {
            c = new Context(x, product, line, Placement.EXACT, exact, cuBuilds, v -> table(exact, v, product));
        } else if (x.isCuOnly() && !cuBuilds.isEmpty()) {
            c = new Context(x, product, line, Placement.CU_ONLY, null, cuBuilds, v -> cuOnly(cuBuilds, v, product));
        } else if (below != null) {
            Placement p = x.compareTo(line.get(line.size() - 1).number()) > 0 ? Placement.NEWER_THAN_KB : Placement.WITHIN_CU;
            c = new Context(x, product, line, p, below, cuBuilds, v -> table(below, v, product));
        } else {
            Build lower = kb.cuBasesOf(product).stream().filter(b -> b.number().compareTo(x) < 0).reduce((a, b) -> b).orElse(null);
            Build upper = kb.cuBasesOf(product).stream().filter(b -> b.number().compareTo(x) > 0).findFirst().orElse(null);
            Placement p = lower == null ? Placement.OLDER_THAN_KB
                    : x.compareTo(line.get(line.size() - 1).number()) > 0 ? Placement.NEWER_THAN_KB : Placement.BETWEEN_BUILDS;
            c = new Context(x, product, line, p, null, List.of(), v -> bracket(lower, upper, v, product));
        }
        List<RowExposure> rows = new ArrayList<>();
        for (Row row : kb.rows()) rows.add(rowExposure(c, row));
        String cu = c.known != null ? c.known.cu() : c.cuBuilds.isEmpty() ? null : c.cuBuilds.get(0).cu();
        return new BuildAssessment(x, c.placement, product, c.known, cu, describe(c), rows, path(x, product), kb.version());
    }

    /** Everything the wording of one assessment needs. */
    private record Context(BuildNumber x, ProductLine product, List<Build> line, Placement placement, Build known,
                           List<Build> cuBuilds, Function<Vulnerability, CveStatus> status) {}

    // ---- CVE status ------------------------------------------------------------------------------------------

    private CveStatus table(Build b, Vulnerability v, ProductLine product) {
        if (!v.affects(product)) return CveStatus.NOT_AFFECTED;
        if (index.fixed(b.number()).contains(v.cve())) return CveStatus.FIXED;
        return index.undecidedBecause(b.number(), v.cve()) != null ? CveStatus.UNKNOWN : CveStatus.OPEN;
    }

    private CveStatus cuOnly(List<Build> cuBuilds, Vulnerability v, ProductLine product) {
        CveStatus base = table(cuBuilds.get(0), v, product);
        if (base != CveStatus.OPEN) return base;
        return cuBuilds.stream().anyMatch(b -> table(b, v, product) == CveStatus.FIXED) ? CveStatus.UNKNOWN : CveStatus.OPEN;
    }

    private CveStatus bracket(Build lower, Build upper, Vulnerability v, ProductLine product) {
        if (!v.affects(product)) return CveStatus.NOT_AFFECTED;
        if (lower != null && table(lower, v, product) == CveStatus.FIXED) return CveStatus.FIXED;
        if (upper != null && table(upper, v, product) == CveStatus.OPEN) return CveStatus.OPEN;
        return CveStatus.UNKNOWN;
    }

    private boolean patched(Build b, Row row, ProductLine product) {
        return row.cves().stream().map(kb::vulnerability).map(v -> table(b, v, product))
                .allMatch(s -> s == CveStatus.FIXED || s == CveStatus.NOT_AFFECTED);
    }

    // ---- rows ------------------------------------------------------------------------------------------------

    private RowExposure rowExposure(Context c, Row row) {
        List<CveAnswer> answers = row.cves().stream()
                .map(cve -> new CveAnswer(cve, c.status.apply(kb.vulnerability(cve)))).toList();
        Map<CveStatus, List<String>> by = answers.stream().collect(Collectors.groupingBy(CveAnswer::status,
                Collectors.mapping(CveAnswer::cve, Collectors.toList())));
        List<String> open = by.getOrDefault(CveStatus.OPEN, List.of());
        List<String> unknown = by.getOrDefault(CveStatus.UNKNOWN, List.of());
        List<String> fixed = by.getOrDefault(CveStatus.FIXED, List.of());
        List<String> notAffected = by.getOrDefault(CveStatus.NOT_AFFECTED, List.of());
        Build fixedBy = open.isEmpty() && unknown.isEmpty() ? null : firstPatchedAfter(c, row);
        if (notAffected.size() == answers.size()) {
            return new RowExposure(row.name(), Exposure.NOT_AFFECTED, c.product.name() + " is not affected", null, answers);
        }
        String na = notAffected.isEmpty() ? "" : "; " + String.join(", ", notAffected) + " not applicable to " + c.product.name();
        if (!open.isEmpty()) {
            String partial = fixed.isEmpty() && unknown.isEmpty() ? "" : "open: " + String.join(", ", open) + "; ";
            return new RowExposure(row.name(), Exposure.VULNERABLE, partial + fixHint(c, fixedBy) + na, fixedBy, answers);
        }
        if (!unknown.isEmpty()) {
            return new RowExposure(row.name(), Exposure.UNKNOWN, undecided(c, unknown, fixedBy) + na, fixedBy, answers);
        }
        return new RowExposure(row.name(), Exposure.PATCHED, fixedSince(c, row) + na, null, answers);
    }

    /** The first known build after x with the row fixed: within x's CU when one is, else in any later CU. */
    private Build firstPatchedAfter(Context c, Row row) {
        for (Build b : c.cuBuilds) {
            if (b.number().compareTo(c.x) > 0 && patched(b, row, c.product)) return b;
        }
        for (Build b : c.line) {
            if (b.number().compareTo(c.x) > 0 && patched(b, row, c.product)) return b;
        }
        return null;
    }

    private static String fixHint(Context c, Build fixedBy) {
        if (fixedBy == null) return "no build in the knowledge base fixes it";
        if (fixedBy.number().cu().equals(c.x.cu())) return "fixed by " + fixedBy.describe();
        String cu = c.known != null ? c.known.cu() : c.cuBuilds.isEmpty() ? "this build" : c.cuBuilds.get(0).cu();
        return "no update for " + cu + " fixes it; first fixed in " + fixedBy.describe();
    }

    private String undecided(Context c, List<String> unknown, Build fixedBy) {
        if (c.placement == Placement.CU_ONLY) {
            return "update level unknown: fixed from " + (fixedBy == null ? "a later update" : fixedBy.shortName()) + " on";
        }
        if (c.known != null) {
            Build because = index.undecidedBecause(c.known.number(), unknown.get(0));
            if (because != null) {
                return c.known.update() + " does not include the fix of " + because.shortName()
                        + ": fixed only if that update was installed before it";
            }
        }
        return "cannot tell for a build the knowledge base does not list"
                + (fixedBy == null ? "" : "; known fixed from " + fixedBy.shortName() + " on");
    }

    private String fixedSince(Context c, Row row) {
        if (c.placement == Placement.CU_ONLY) return "fixed: " + c.cuBuilds.get(0).cu() + " includes the fixes";
        Build since = c.cuBuilds.stream().filter(b -> b.number().compareTo(c.x) <= 0 && patched(b, row, c.product))
                .findFirst().orElse(null);
        if (since == null) return "fixed: the last known CU before this build already has the fixes";
        if (since.equals(c.cuBuilds.get(0))) return "fixed: " + since.cu() + " includes the fixes";
        return "fixed since " + since.shortName();
    }

    // ---- description and path -------------------------------------------------------------------------------

    private String describe(Context c) {
        String p = c.product.name();
        List<Build> line = c.line;
        return switch (c.placement) {
            case EXACT -> c.known.product() + " " + c.known.update() + ", released " + c.known.released()
                    + (c.known.kb().isEmpty() ? "" : " (" + c.known.kb() + ")");
            case WITHIN_CU -> p + " " + c.known.cu() + ", a build after " + c.known.shortName()
                    + " that the knowledge base does not list";
            case CU_ONLY -> p + " " + c.cuBuilds.get(0).cu() + " (update level unknown)";
            case OLDER_THAN_KB -> p + ", older than any build the knowledge base lists (the oldest is "
                    + line.get(0).shortName() + ")";
            case NEWER_THAN_KB -> p + (c.known == null ? "" : " " + c.known.cu()) + ", newer than the knowledge base of "
                    + kb.asOf() + " (its latest build is " + line.get(line.size() - 1).shortName() + ")";
            case BETWEEN_BUILDS -> p + ", a build the knowledge base does not list, between "
                    + line.stream().filter(b -> b.number().compareTo(c.x) < 0).reduce((a, b) -> b).orElseThrow().shortName()
                    + " and " + line.stream().filter(b -> b.number().compareTo(c.x) > 0).findFirst().orElseThrow().shortName();
            case UNKNOWN_PRODUCT -> throw new IllegalStateException("handled apart");
        };
    }

    private UpdatePath path(BuildNumber x, ProductLine product) {
        List<Build> bases = kb.cuBasesOf(product);
        Build latestCu = bases.get(bases.size() - 1);
        List<Build> line = kb.buildsOf(product);
        Build latest = line.stream().filter(b -> b.number().cu().equals(latestCu.number().cu()))
                .reduce((a, b) -> b).orElseThrow();
        return new UpdatePath(latestCu, latest, !x.isCuOnly() && x.compareTo(latest.number()) >= 0);
    }

    private BuildAssessment unknownProduct(BuildNumber x) {
        String why = "not a build of a product the knowledge base knows (Exchange Server 2010 to Exchange SE: builds 14.x"
                + " and 15.0 to 15.2)" + (x.major() < 14 ? "; Exchange 2007 and older are not covered" : "");
        List<RowExposure> rows = kb.rows().stream().map(r -> new RowExposure(r.name(), Exposure.UNKNOWN, why, null,
                r.cves().stream().map(cve -> new CveAnswer(cve, CveStatus.UNKNOWN)).toList())).toList();
        return new BuildAssessment(x, Placement.UNKNOWN_PRODUCT, null, null, null, why, rows, null, kb.version());
    }
}
