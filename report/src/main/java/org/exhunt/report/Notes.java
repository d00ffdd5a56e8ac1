package org.exhunt.report;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.facts.BuildFacts;
import org.exhunt.core.facts.ProbeFacts;
import org.exhunt.core.facts.RowTimeline;
import org.exhunt.core.facts.ScanFacts;
import org.exhunt.core.facts.ServerFacts;
import org.exhunt.core.facts.Suppression;

/**
 * A server's facts as the lines a person reads next to its verdicts, the same in every format that shows notes (the
 * console, HTML, the {@code note} lines of JSON lines, SARIF's and ECS's notes): for a scan, where Exchange is, its
 * build and what the knowledge base says of it, mitigations, what was read and what was left out, the patch history,
 * then each row's timeline; for a probe, what the target turned out to be, its build, certificate, disclosed names and active checks.
 */
public final class Notes {

    private Notes() {}

    public static List<String> of(ServerFacts facts) {
        List<String> lines = new ArrayList<>();
        if (facts.probe() != null) probe(lines, facts.build(), facts.probe());
        else if (facts.scan() != null) scan(lines, facts.build(), facts.scan());
        else if (facts.build() != null) build(lines, facts.build());
        return lines;
    }

    private static void build(List<String> lines, BuildFacts b) {
        lines.addAll(BuildWords.sightings(b));
        lines.addAll(BuildWords.knowledge(b));
    }

    private static void scan(List<String> lines, BuildFacts b, ScanFacts s) {
        lines.add(ScanWords.install(s));
        if (b != null) build(lines, b);
        lines.addAll(ScanWords.mitigations(s.mitigations()));
        lines.add(ScanWords.extendedProtection(s.extendedProtection()));
        lines.add(ScanWords.examined(s.examined()));
        lines.addAll(ScanWords.indicators(s.indicators()));
        lines.add(ScanWords.sigma(s.sigma()));
        if (s.sigma().fileRecords() != null) lines.add(ScanWords.fileRecords(s.sigma().fileRecords()));
        s.logs().forEach(c -> lines.add(ScanWords.coverage(c)));
        lines.addAll(HistoryWords.of(s.patchHistory()));
        lines.addAll(ScanWords.tallies(s.tallies()));
        s.droppedPerRule().forEach(n -> lines.add(ScanWords.notKept(n)));
        lines.addAll(ScanWords.leftOut(s.examined()));
        lines.addAll(ScanWords.productArchives(s.examined()));
        for (Suppression x : s.suppressed()) lines.add(ScanWords.suppressed(x));
        if (s.examined().requestsNotIndexed() > 0) lines.add(ScanWords.requestsNotIndexed(s.examined().requestsNotIndexed()));
        if (!s.sigma().needInstallPathNotRun().isEmpty()) {
            lines.add(ScanWords.notRunWithoutInstallPath(s.sigma().needInstallPathNotRun()));
        }
        for (RowTimeline t : s.timelines()) lines.addAll(TimelineWords.of(t));
    }

    private static void probe(List<String> lines, BuildFacts b, ProbeFacts p) {
        lines.add(ProbeWords.status(p));
        if (b != null) {
            lines.addAll(BuildWords.sightings(b));
            if (b.chosen() != null && b.chosen().build().chars().filter(c -> c == '.').count() == 2) {
                lines.add(ProbeWords.cuOnly());
            }
            lines.addAll(BuildWords.knowledge(b));
        }
        if (p.certificate() != null) lines.add(ProbeWords.certificate(p.certificate()));
        p.internalNames().forEach((header, value) -> lines.add(ProbeWords.internalName(header, value)));
        p.activeChecks().forEach(c -> lines.add(ProbeWords.activeCheck(c)));
    }
}
