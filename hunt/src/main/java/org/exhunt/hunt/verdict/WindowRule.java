package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.exhunt.core.Compromise;
import org.exhunt.core.facts.ExposureWindow;
import org.exhunt.core.facts.ExposureWindow.Span;
import org.exhunt.core.facts.PatchEvent;

/**
 * The one rule for a chain row without evidence of an attack (docs/ARCHITECTURE.md, "Verdicts"): CLEAN when the
 * exposure window is empty (the server ran a fixing build, or no Exchange, from before the chain was first exploited
 * anywhere), or when logs that can show the chain cover all of it; CANNOT_TELL otherwise, naming what is not covered
 * and what would settle it. Files on disk never stand in for logs here: they are the Post-exploitation row's.
 */
final class WindowRule {

    /** The verdict, its reason (a short conclusion) and the whole explanation. */
    record Answer(Compromise compromise, String reason, String detail) {}

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private WindowRule() {}

    static Answer decide(ExposureWindow w) {
        String first = "first exploitation in the wild (" + day(w.firstExploited()) + ")";
        if (w.exposed().isEmpty()) {
            PatchEvent install = w.patchEvents().stream().filter(e -> e.action() == PatchEvent.Action.FRESH_INSTALL).findFirst().orElse(null);
            String reason;
            if (w.fixedSince() == null && install != null) {
                reason = "never exposed: Exchange installed " + day(install.time()) + " on a build that fixes it";
            } else if (w.fixedSince() != null) {
                reason = "fixed since " + day(w.fixedSince()) + ", before " + first;
            } else {
                reason = "not exposed while it was exploited";
            }
            return new Answer(Compromise.CLEAN, reason, reason + ": " + evidence(w.patchEvents()));
        }
        if (w.gaps().isEmpty()) {
            String reason = "exposed " + day(w.start()) + " to " + day(w.end()) + ": "
                    + w.covered().stream().map(Span::what).distinct().collect(Collectors.joining("; ")) + " cover it all, showing nothing";
            return new Answer(Compromise.CLEAN, reason, exposure(w, first) + "; covered: " + list(w.covered()) + "; they show nothing");
        }
        String reason;
        if (w.evidenceEnd() == null) {
            reason = "nothing in the evidence dates the build or any log: cannot tell since " + day(w.firstExploited());
        } else if (w.evidenceEnd().isBefore(w.firstExploited())) {
            reason = "the evidence ends " + day(w.evidenceEnd()) + ", before " + first + ", on a build not fixed then";
        } else {
            Span gap = w.gaps().get(0);
            reason = "exposed " + day(w.start()) + " to " + (w.fixedSince() != null ? "at least " + day(w.end()) : day(w.end()))
                    + "; no " + eitherOf(w) + " logs for " + day(gap.from()) + " to " + day(gap.to())
                    + (w.gaps().size() > 1 ? " and " + (w.gaps().size() - 1) + " more gaps" : "");
        }
        String detail = exposure(w, first) + "; covered: " + (w.covered().isEmpty() ? "nothing" : list(w.covered()))
                + "; not covered: " + list(w.gaps()) + ". " + settle(w);
        return new Answer(Compromise.CANNOT_TELL, reason, detail);
    }

    /** The window in words: from when, until when and on what evidence, and why each stretch was exposed. */
    static String exposure(ExposureWindow w, String first) {
        StringBuilder s = new StringBuilder("possibly exposed from ").append(minute(w.start()))
                .append(w.start().equals(w.firstExploited()) ? " (" + first + ")" : " (Exchange installed then)");
        if (w.end() == null) {
            s.append(w.evidenceEnd() == null ? ", and nothing dates the build since"
                    : " on, past the end of the evidence (" + minute(w.evidenceEnd()) + ")");
        } else if (w.fixedSince() != null) {
            s.append(" until at least ").append(minute(w.end())).append(" (first evidence of a fixing build: ")
                    .append(fixEvidence(w)).append(')');
        } else {
            s.append(" to the end of the evidence (").append(minute(w.end())).append("), on a build not fixed then");
        }
        return s.append("; exposed: ").append(list(w.exposed())).toString();
    }

    private static String settle(ExposureWindow w) {
        String s = eitherOf(w) + " logs of those days, or a backup of them, would settle it";
        if (w.exposed().stream().anyMatch(x -> x.what().contains("not known") || x.what().contains("cannot be dated"))) {
            s += "; so would evidence of when the build was installed (C:\\ExchangeSetupLogs\\ExchangeSetup.log, the"
                    + " Application event log's MsiInstaller events)";
        }
        return s + ".";
    }

    private static String fixEvidence(ExposureWindow w) {
        List<PatchEvent> at = w.patchEvents().stream().filter(e -> w.fixedSince() != null
                && !e.time().isAfter(w.fixedSince()) && !e.latest().isBefore(w.fixedSince())).toList();
        if (at.isEmpty()) at = w.patchEvents();
        return at.isEmpty() ? "the build installed now (Bin\\ExSetup.exe), at the end of the evidence" : evidence(at);
    }

    private static String evidence(List<PatchEvent> events) {
        if (events.isEmpty()) return "the build installed now (Bin\\ExSetup.exe)";
        return events.stream().map(e -> e.what() + " (" + minute(e.time())
                + (e.uncertainty().isZero() ? "" : " ± " + e.uncertainty().toHours() + " h") + ", " + e.source() + ")")
                .collect(Collectors.joining("; "));
    }

    /** {@code IIS or HttpProxy} */
    private static String eitherOf(ExposureWindow w) {
        return w.coveringLogs().stream().map(LogNames::of).sorted(java.util.Comparator.reverseOrder())
                .collect(Collectors.joining(" or "));
    }

    private static String list(List<Span> spans) {
        return spans.stream().map(s -> minute(s.from()) + " to " + (s.to() == null ? "now" : minute(s.to())) + " (" + s.what() + ")")
                .collect(Collectors.joining(", "));
    }

    static String day(Instant t) {
        return t == null ? "now" : LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    private static String minute(Instant t) {
        return t == null ? "now" : MINUTE.format(t);
    }
}
