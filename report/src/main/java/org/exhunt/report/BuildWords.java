package org.exhunt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.exhunt.core.facts.BuildFacts;
import org.exhunt.core.facts.BuildSighting;
import org.exhunt.core.facts.BuildSource;
import org.exhunt.core.facts.OwaFolder;
import org.exhunt.core.facts.Support;
import org.exhunt.core.facts.UpdatePath;
import org.exhunt.core.facts.UpdateStep;

/** A server's build facts in words: which build, where it was read, what disagrees, support, what to install. */
public final class BuildWords {

    private BuildWords() {}

    /** The build and where it was read (or why none was found), the sightings that disagree, the OWA version folders. */
    static List<String> sightings(BuildFacts b) {
        List<String> lines = new ArrayList<>();
        BuildSighting used = b.chosen();
        if (used == null) {
            lines.add("Build: " + b.unknownWhy() + "; exposure is UNKNOWN");
            return lines;
        }
        lines.add("Build " + used.build() + ": " + used.name() + "; from the " + seenIn(used));
        for (BuildSighting other : b.disagreements()) {
            lines.add("Disagreement: the " + seenIn(other) + " says " + other.build() + " (" + other.name() + ")");
        }
        if (!b.owaFolders().isEmpty() && used.source() != BuildSource.OWA_FOLDER) {
            lines.add("OWA version folders: " + b.owaFolders().stream().map(f -> f.build() + " (" + relation(f.relation()) + ")")
                    .collect(Collectors.joining(", ")));
        }
        return lines;
    }

    /** What the knowledge base says of the build: its product line's support status, and what to install. */
    static List<String> knowledge(BuildFacts b) {
        List<String> lines = new ArrayList<>();
        if (b.support() != null) lines.add(support(b.support()));
        if (b.updatePath() != null) lines.add("Update path: " + updatePath(b.updatePath()));
        return lines;
    }

    /** {@code Exchange Server 2016: support ended 2025-10-14: ...}, or the product with its note while supported. */
    public static String support(Support s) {
        return s.product() + ": " + status(s);
    }

    /** {@code supported (...)} or {@code support ended 2025-10-14: ...}. */
    public static String status(Support s) {
        return s.endOfSupport() == null ? s.note() : "support ended " + s.endOfSupport() + ": " + s.note();
    }

    /** {@code CU23 (15.1.2507.6, KB5011155, 2022-04-20), then CU23 Aug26SU (...)}, or that the build is up to date. */
    public static String updatePath(UpdatePath p) {
        if (p.upToDate()) return "up to date: " + step(p.steps().get(p.steps().size() - 1)) + " is the latest update known";
        return p.steps().stream().map(BuildWords::step).collect(Collectors.joining(", then "));
    }

    /** {@code CU19 Mar21SU (15.1.2176.9, KB5000871, 2021-03-02)}. */
    static String step(UpdateStep s) {
        return s.update() + " (" + s.build() + (s.kb().isEmpty() ? "" : ", " + s.kb()) + ", " + s.released() + ")";
    }

    /**
     * Where a build was seen, for a sentence: {@code ExSetup.exe file version of C:\...\ExSetup.exe}, {@code
     * exchange-httpproxy logs from 2021-03-01T00:00:00Z to 2021-03-05T10:00:00Z}, {@code X-OWA-Version header}.
     */
    static String seenIn(BuildSighting s) {
        return switch (s.source()) {
            case EXSETUP -> "ExSetup.exe file version of " + s.path();
            case OWA_FOLDER -> "OWA version folder of " + s.path();
            case LOGS -> s.path() + (s.from() == null ? "" : " from " + s.from() + " to " + s.to());
            case HTTP -> s.path();
        };
    }

    private static String relation(OwaFolder.Relation r) {
        return switch (r) {
            case SAME_CU -> "the build's CU";
            case EARLIER_CU -> "an earlier CU's, left behind by an update";
            case LATER_CU -> "a later CU's";
        };
    }
}
