package org.exhunt.report;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.IsoTime;
import org.exhunt.core.facts.PatchEvent;

/**
 * A server's patch history in words: the installs its evidence records (setup runs, Windows Installer events, an
 * update's installer log) and the file times it hints with; the builds seen on log lines are the coverage's lines.
 */
final class HistoryWords {

    /** Installs named one by one; more are counted. */
    static final int SHOWN = 10;

    private HistoryWords() {}

    static List<String> of(List<PatchEvent> history) {
        List<PatchEvent> installs = history.stream().filter(e -> e.kind() != PatchEvent.Kind.LOG_BUILD).toList();
        List<String> lines = new ArrayList<>();
        if (installs.isEmpty()) {
            lines.add("Patch history: no setup log, installer event or update log in the evidence: when each build was"
                    + " installed is known only from the logs' lines");
            return lines;
        }
        for (PatchEvent e : installs.subList(0, Math.min(SHOWN, installs.size()))) {
            lines.add("Patch history: " + IsoTime.format(e.time()) + (e.uncertainty().isZero() ? "" : " ± "
                    + e.uncertainty().toHours() + " h") + " " + e.what() + (e.outcome() == PatchEvent.Outcome.FAILED
                    ? " (failed)" : "") + " [" + e.source() + "]" + (e.strength() == PatchEvent.Strength.HINT
                    ? " (a hint only: file times change with copies)" : ""));
        }
        if (installs.size() > SHOWN) lines.add("Patch history: " + (installs.size() - SHOWN) + " more entries (see the facts)");
        return lines;
    }
}
