package org.exhunt.hunt.detect;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.core.Record;
import org.exhunt.core.facts.Tally;
import org.exhunt.logs.file.FileRecords;
import org.exhunt.sigma.SigmaMatch;
import org.exhunt.sigma.SigmaRules;
import org.exhunt.sigma.SigmaScanner;
import org.exhunt.sigma.correlation.CorrelatedMatch;
import org.exhunt.sigma.correlation.Correlator;

/**
 * Sigma rules on one server's log records, and on its file records through {@link SigmaFileRecords} (thread-safe: a
 * scanner per thread). A firing becomes a finding attributed to its chain and stage, with the record's context
 * fields (client address, request, user) added to the values that matched, so that verdicts and reports can say who
 * did what.
 *
 * <p>Logs are read in no time order, so correlations cannot run as records come: matches of correlated rules are
 * kept without their records ({@link CorrelatedMatch}: time, place, the values the correlations read and a short
 * evidence), at most {@link Limits#CORRELATION_KEPT}, and fed to the correlations in time order once every log
 * is read ({@link #finish}).
 */
public final class SigmaDetector implements RecordDetector {

    /** Fields that tell who did what, added as evidence when a record has them. */
    static final List<String> CONTEXT_FIELDS = List.of("c-ip", "ClientIpAddress", "cs-method", "Method", "cs-uri-stem",
            "UrlStem", "cs-uri-query", "UrlQuery", "sc-status", "HttpStatus", "cs-username", "AuthenticatedUser",
            "cs(User-Agent)", "UserAgent", "AnchorMailbox", "Computer", "Provider_Name", "EventID", "Image",
            "NewProcessName", "ProcessId", "NewProcessId", "CommandLine", "ParentImage", "ParentProcessName",
            "TargetFilename", "ObjectName", "ProcessName", "SourceImage", "SourceProcessId");

    private final List<SigmaRules> sets = new ArrayList<>();
    private final List<ThreadLocal<SigmaScanner>> scanners = new ArrayList<>();
    private final ChainAttribution attribution;
    private final int keepAtMost;
    private final List<List<CorrelatedMatch>> kept = new ArrayList<>();   // per rule set: its own correlations read them
    private int keptCount;
    private long notKept;
    private long untimed;

    SigmaDetector(SigmaRules shared, SigmaRules own, ChainAttribution attribution) {
        this(shared, own, attribution, Limits.CORRELATION_KEPT);
    }

    SigmaDetector(SigmaRules shared, SigmaRules own, ChainAttribution attribution, int keepAtMost) {
        this.attribution = attribution;
        this.keepAtMost = keepAtMost;
        for (SigmaRules r : own == null ? List.of(shared) : List.of(shared, own)) {
            sets.add(r);
            scanners.add(ThreadLocal.withInitial(r::scanner));
            kept.add(new ArrayList<>());
        }
    }

    /** Whether some rule runs on records of this type ({@link SigmaRules#reads}). */
    public boolean reads(String recordType) {
        for (SigmaRules rules : sets) {
            if (rules.reads(recordType)) return true;
        }
        return false;
    }

    @Override
    public void examine(Record record, Consumer<Finding> findings) {
        for (int i = 0; i < sets.size(); i++) {
            SigmaRules rules = sets.get(i);
            int set = i;
            scanners.get(i).get().scan(record, m -> {
                if (rules.reportsOwnFindings(m.rule().id())) findings.accept(finding(m));
                if (rules.correlated(m.rule().id())) keep(set, m);
            });
        }
    }

    private void keep(int set, SigmaMatch m) {
        synchronized (this) {
            if (m.record().time() == null) {
                untimed++;
                return;
            }
            if (keptCount >= keepAtMost) {
                notKept++;
                return;
            }
            keptCount++;   // the place is taken; the match is reduced outside the lock
        }
        CorrelatedMatch c = sets.get(set).forCorrelation(m, linkedEvidence(m));
        synchronized (this) {
            kept.get(set).add(c);
        }
    }

    /**
     * The matches kept for the correlations, to be correlated on another machine with those of the server's other
     * logs ({@link #absorb}), and what was not kept.
     */
    public synchronized Kept kept() {
        List<List<CorrelatedMatch.Shipped>> shipped = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            SigmaRules rules = sets.get(i);
            shipped.add(new ArrayList<>(kept.get(i).stream().map(rules::ship).toList()));
        }
        return new Kept(shipped, notKept, untimed);
    }

    /**
     * Adds the matches another reading of the same server's other logs kept, after this one's, when that gives what
     * reading all the logs here would: the cap on matches kept not reached, by either or by both together. Returns
     * false, and changes nothing, when it would not.
     */
    public synchronized boolean absorb(Kept other) {
        long theirs = other.matches().stream().mapToLong(List::size).sum();
        if (notKept > 0 || other.notKept() > 0 || keptCount + theirs > keepAtMost) return false;
        if (other.matches().size() != sets.size()) throw new IllegalArgumentException("kept with other rule sets");
        for (int i = 0; i < sets.size(); i++) {
            for (CorrelatedMatch.Shipped m : other.matches().get(i)) kept.get(i).add(sets.get(i).received(m));
        }
        keptCount += (int) theirs;
        untimed += other.untimed();
        return true;
    }

    /**
     * Matches kept for the correlations, per rule set, in the order they came; how many were not kept (the cap
     * reached) and how many had no time.
     */
    public record Kept(List<List<CorrelatedMatch.Shipped>> matches, long notKept, long untimed) implements Serializable {}

    /** Correlates the kept matches in time order; call once, after every log of the server was read. */
    public synchronized void finish(DetectionSink sink) {
        if (notKept > 0) {
            sink.tally(Tally.SIGMA_CORRELATION_MATCHES_NOT_KEPT, notKept);
        }
        if (untimed > 0) sink.tally(Tally.SIGMA_CORRELATION_MATCHES_UNTIMED, untimed);
        for (int i = 0; i < sets.size(); i++) {
            List<CorrelatedMatch> matches = kept.get(i);
            if (matches.isEmpty()) continue;
            matches.sort(Comparator.comparing(CorrelatedMatch::time));
            Correlator c = sets.get(i).correlator(f -> sink.finding(attribution.apply(f, true)));
            for (int j = 0; j < matches.size(); j++) {
                c.accept(matches.get(j));
                matches.set(j, null);   // fed: let it go while the correlator's state grows
            }
            c.finish();
            matches.clear();
            if (c.evicted() > 0) {
                sink.tally(Tally.SIGMA_CORRELATION_GROUPS_CLOSED_EARLY, c.evicted());
            }
        }
        keptCount = 0;
    }

    private Finding finding(SigmaMatch m) {
        Finding f = m.toFinding();
        Finding.Builder b = Finding.builder(f);
        context(m.record(), name -> f.evidence(name) != null, b::evidence);
        // a file record describes a file on disk: left behind, never an exploit request
        return attribution.apply(b.build(), !FileRecords.TYPE.equals(m.record().type()));
    }

    /**
     * What a kept match shows when a correlation links it: the values that matched, then who did what, without the
     * raw record (its source points at it); at most {@link Limits#CORRELATION_EVIDENCE_VALUES} values, each
     * shortened to {@link Limits#CORRELATION_EVIDENCE_CHARS}.
     */
    static List<Evidence> linkedEvidence(SigmaMatch m) {
        List<Evidence> out = new ArrayList<>();
        BiConsumer<String, String> add = (name, value) -> {
            if (out.size() >= Limits.CORRELATION_EVIDENCE_VALUES) return;
            out.add(new Evidence(name, Evidence.shorten(value, Limits.CORRELATION_EVIDENCE_CHARS)));
        };
        for (Evidence e : m.matched()) add.accept(e.name(), e.value());
        context(m.record(), name -> out.stream().anyMatch(e -> e.name().equals(name)), add);
        return out;
    }

    /**
     * Adds the record's context fields that the evidence does not hold yet, and the file an event names as
     * {@code path}: evidence about that file, the same key file findings use, for linking.
     */
    private static void context(Record r, Predicate<String> has, BiConsumer<String, String> add) {
        for (String name : CONTEXT_FIELDS) {
            String v = r.field(name);
            if (v != null && !has.test(name)) add.accept(name, v);
        }
        String target = r.field("TargetFilename");
        if (target != null && !has.test("path")) add.accept("path", target);
    }
}
