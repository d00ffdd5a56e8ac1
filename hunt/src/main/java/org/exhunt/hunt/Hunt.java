package org.exhunt.hunt;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.ServerResult;
import org.exhunt.hunt.detect.FileDetector;
import org.exhunt.hunt.detect.RecordDetector;
import org.exhunt.hunt.detect.WebShellSweep;
import org.exhunt.hunt.ioc.HashIocs;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.source.EvidenceSource;
import org.exhunt.kb.KnowledgeBase;

/**
 * The main job: exposure and compromise verdicts for servers. A {@code Hunt} compiles the rules once and then
 * scans any number of servers, one independent {@link #scan} call each (one server is one unit of work with
 * a serialisable result, so a run over thousands of servers can be spread over many machines).
 */
public final class Hunt {

    private final Detectors detectors;
    private final KnowledgeBase kb;
    private final HuntOptions options;

    private Hunt(Detectors detectors, KnowledgeBase kb, HuntOptions options) {
        this.detectors = detectors;
        this.kb = kb;
        this.options = options;
    }

    /** A hunt with the rules of a rule pack. */
    public static Hunt with(RulePack pack, HuntOptions options) {
        List<Diagnostic> problems = new ArrayList<>();
        HashIocs iocs = new HashIocs();
        for (String file : pack.list("ioc/")) {
            if (file.endsWith("-sha256.csv")) iocs.load("rules/" + file, pack.text(file), problems::add);
        }
        List<FileDetector> files = List.of(new WebShellSweep(iocs));
        List<RecordDetector> records = List.of();
        return new Hunt(new Detectors(files, records, problems), pack.knowledgeBase(), options);
    }

    /** Scans the evidence of one server, which may come from several sources. */
    public ServerResult scan(String server, List<EvidenceSource> sources) {
        return new ServerScan(server, sources, detectors, kb, options).run();
    }
}
