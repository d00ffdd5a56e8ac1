package org.exhunt.hunt.impact;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.facts.Confidence;
import org.exhunt.core.facts.Persistence;

/**
 * Ways back in set up during or after the first exploit: scheduled tasks (Security 4698, Task Scheduler 106) and
 * services installed (System 7045).
 */
final class PersistenceFound {

    private PersistenceFound() {}

    static List<Persistence> of(Intrusion intrusion, List<WindowsEvents.Event> events) {
        List<Persistence> out = new ArrayList<>();
        for (WindowsEvents.Event e : events) {
            if (!intrusion.since(e.time()) || !(e.kind().equals("scheduled-task") || e.kind().equals("service"))) continue;
            String source = e.source().toString();
            Confidence confidence = intrusion.chainRecord(source) ? Confidence.SHOWN
                    : e.bySystem() ? Confidence.LIKELY : Confidence.POSSIBLE;
            out.add(new Persistence(e.kind(), e.name(), e.command(), e.by(), e.time(), List.of(source), confidence,
                    AccountChanges.why(intrusion, source, e.bySystem())));
        }
        return out;
    }
}
