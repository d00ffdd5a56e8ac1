package org.exhunt.hunt.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.core.Record;
import org.exhunt.sigma.SigmaMatch;
import org.exhunt.sigma.SigmaRules;
import org.exhunt.sigma.SigmaScanner;
import org.exhunt.sigma.correlation.Correlator;

/**
 * Sigma rules on one server's log records (thread-safe: a scanner per thread). A firing becomes a finding
 * attributed to its chain and stage, with the record's context fields (client address, request, user) added
 * to the values that matched, so that verdicts and reports can say who did what. Matches of the rules a
 * correlation names (only those: the others would fill memory for nothing) are kept and correlated in time
 * order once every log is read ({@link #finish}).
 */
public final class SigmaDetector implements RecordDetector {

    /** Fields that tell who did what, added as evidence when a record has them. */
    static final List<String> CONTEXT_FIELDS = List.of("c-ip", "ClientIpAddress", "cs-method", "Method", "cs-uri-stem",
            "UrlStem", "cs-uri-query", "UrlQuery", "sc-status", "HttpStatus", "cs-username", "AuthenticatedUser",
            "cs(User-Agent)", "UserAgent", "AnchorMailbox", "Computer", "Provider_Name", "EventID", "Image",
            "NewProcessName", "ProcessId", "NewProcessId", "CommandLine", "ParentImage", "ParentProcessName",
            "TargetFilename");

    private final List<SigmaRules> sets = new ArrayList<>();
    private final List<ThreadLocal<SigmaScanner>> scanners = new ArrayList<>();
    private final List<Set<String>> correlatedRules = new ArrayList<>();   // per set: ids its correlations name
    private final ChainAttribution attribution;
    private final List<SigmaMatch> correlated = new ArrayList<>();
    private long correlatedDropped;

    SigmaDetector(SigmaRules shared, SigmaRules own, ChainAttribution attribution) {
        this.attribution = attribution;
        for (SigmaRules r : own == null ? List.of(shared) : List.of(shared, own)) {
            sets.add(r);
            scanners.add(ThreadLocal.withInitial(r::scanner));
            correlatedRules.add(r.correlations().stream().flatMap(c -> c.refs().stream()).collect(Collectors.toSet()));
        }
    }

    @Override
    public void examine(Record record, Consumer<Finding> findings) {
        for (int i = 0; i < sets.size(); i++) {
            SigmaRules rules = sets.get(i);
            Set<String> named = correlatedRules.get(i);
            scanners.get(i).get().scan(record, m -> {
                if (rules.reportsOwnFindings(m.rule().id())) findings.accept(finding(m));
                if (named.contains(m.rule().id())) keep(m);
            });
        }
    }

    private synchronized void keep(SigmaMatch m) {
        if (correlated.size() < Limits.CORRELATION_ENTRIES) correlated.add(m);
        else correlatedDropped++;
    }

    /** Correlates the kept matches in time order; call once, after every log of the server was read. */
    public synchronized void finish(DetectionSink sink) {
        if (correlatedDropped > 0) {
            sink.tally("matches of correlated Sigma rules beyond the cap, not correlated");
        }
        correlated.sort(Comparator.comparing(m -> m.record().time(), Comparator.nullsFirst(Comparator.naturalOrder())));
        for (SigmaRules rules : sets) {
            if (rules.correlations().isEmpty()) continue;
            Correlator c = rules.correlator(f -> sink.finding(attribution.apply(f)));
            for (SigmaMatch m : correlated) c.accept(m);
            c.finish();
        }
        correlated.clear();
    }

    private Finding finding(SigmaMatch m) {
        Finding f = m.toFinding();
        Finding.Builder b = Finding.builder(f);
        Record r = m.record();
        for (String name : CONTEXT_FIELDS) {
            String v = r.field(name);
            if (v != null && f.evidence(name) == null) b.evidence(name, v);
        }
        // a file an event names is evidence about that file: the same key file findings use, for linking
        String target = r.field("TargetFilename");
        if (target != null && f.evidence("path") == null) b.evidence("path", target);
        return attribution.apply(b.build());
    }
}
