package org.exhunt.hunt.history;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Record;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.build.BuildObservation;
import org.exhunt.kb.KnowledgeBase;

/**
 * Collects a server's patch history during one scan ({@link PatchEvent}): the setup log and the updates' installer
 * logs as files ({@link #reads}, {@link #read}), Windows Installer events as the event logs are read
 * ({@link #observe}), the builds the logs' lines carry ({@link #logBuilds}) and, as a hint only, the times of the OWA
 * version folders ({@link #folders}). Thread-safe.
 */
public final class PatchHistory {

    private static final String SETUP_LOG = "exchangesetup.log";

    private final KnowledgeBase kb;
    private final List<PatchEvent> events = new ArrayList<>();

    public PatchHistory(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** Whether {@link #read} takes a file: {@code ExchangeSetup.log}, wherever it lies, or an update's installer log. */
    public static boolean reads(String drivePath) {
        String p = drivePath.toLowerCase(Locale.ROOT);
        return p.equals(SETUP_LOG) || p.endsWith("/" + SETUP_LOG) || UpdateLog.is(drivePath);
    }

    /** Reads a file {@link #reads} takes. */
    public void read(EvidenceFile f, Consumer<Diagnostic> problems) {
        try (InputStream in = f.open()) {
            List<PatchEvent> read = UpdateLog.is(f.drivePath())
                    ? UpdateLog.read(in, f.drivePath(), f.ref().file(), kb)
                    : SetupLog.read(in, f.ref().file());
            add(read);
        } catch (IOException e) {
            problems.accept(Diagnostic.error("read.failed", f.ref(), "could not be read: " + e.getMessage()
                    + "; the patch history it holds is missing"));
        }
    }

    /** Looks at one record as it is read; keeps Exchange's Windows Installer events. */
    public void observe(Record r) {
        if (!MsiEvents.candidate(r)) return;
        MsiEvents.of(r, kb).ifPresent(e -> add(List.of(e)));
    }

    /** The builds the logs of each type show running, each from its first to its last record. */
    public void logBuilds(List<LogCoverage> coverage) {
        List<PatchEvent> seen = new ArrayList<>();
        for (LogCoverage c : coverage) {
            for (LogCoverage.BuildSeen b : c.builds()) {
                if (b.first() == null) continue;
                seen.add(new PatchEvent(PatchEvent.Kind.LOG_BUILD, PatchEvent.Action.RUNNING, b.first(), b.last(),
                        Duration.ZERO, b.build(), b.build() + " in " + c.type() + " log lines", PatchEvent.Outcome.UNKNOWN,
                        c.type() + " logs", PatchEvent.Strength.OBSERVED));
            }
        }
        add(seen);
    }

    /** The OWA version folders, by the oldest time of their files: a hint, which changes no window. */
    public void folders(List<BuildObservation> owaFolders) {
        List<PatchEvent> hints = new ArrayList<>();
        for (BuildObservation o : owaFolders) {
            if (o.from() == null) continue;
            hints.add(new PatchEvent(PatchEvent.Kind.FILE_TIME, PatchEvent.Action.PRESENT, o.from(), null, Duration.ZERO,
                    o.build().toString(), "OWA's folder of CU " + o.build() + ", its oldest file modified then (file"
                    + " times change with copies and restores: a hint only)", PatchEvent.Outcome.UNKNOWN, o.where().toString(),
                    PatchEvent.Strength.HINT));
        }
        add(hints);
    }

    /** Adds the events found elsewhere: those the records of another part of the server's logs showed. */
    public void addAll(List<PatchEvent> more) {
        add(more);
    }

    private synchronized void add(List<PatchEvent> more) {
        events.addAll(more);
    }

    /** Every entry, in time order (then by kind and place, so that reports are stable). */
    public synchronized List<PatchEvent> events() {
        List<PatchEvent> out = new ArrayList<>(events);
        out.sort(Comparator.comparing(PatchEvent::time).thenComparing(PatchEvent::kind)
                .thenComparing(e -> e.source().toString()).thenComparing(PatchEvent::what));
        return out;
    }
}
