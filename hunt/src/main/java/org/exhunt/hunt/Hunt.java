package org.exhunt.hunt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.IndicatorCounts;
import org.exhunt.core.facts.IndicatorSummary;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.hunt.detect.AuthFolderAge;
import org.exhunt.hunt.detect.AuthFolderAudit;
import org.exhunt.hunt.detect.ChainAttribution;
import org.exhunt.hunt.detect.FileDetector;
import org.exhunt.hunt.detect.FileIocMatch;
import org.exhunt.hunt.detect.ListingDetector;
import org.exhunt.hunt.detect.LsassDumpSweep;
import org.exhunt.hunt.detect.OversizedWebScript;
import org.exhunt.hunt.detect.PageCodeAudit;
import org.exhunt.hunt.detect.PlaceIocSweep;
import org.exhunt.hunt.detect.RecordDetector;
import org.exhunt.hunt.detect.RequestIocMatch;
import org.exhunt.hunt.detect.SigmaHunt;
import org.exhunt.hunt.detect.StagedArchiveSweep;
import org.exhunt.hunt.detect.WebShellSweep;
import org.exhunt.hunt.detect.YaraDetector;
import org.exhunt.hunt.detect.YaraRules;
import org.exhunt.hunt.ioc.IocCsv;
import org.exhunt.hunt.ioc.IocFiles;
import org.exhunt.hunt.ioc.IocSet;
import org.exhunt.hunt.layout.AuthFolderBaseline;
import org.exhunt.hunt.layout.ProgramDataOwners;
import org.exhunt.hunt.response.ResponseSteps;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.kb.Row;
import org.exhunt.yara.CompiledRules;

/**
 * The main job: exposure and compromise verdicts for servers. A {@code Hunt} compiles the rules once and then
 * scans any number of servers, one independent {@link #scan} call each (one server is one unit of work with
 * a serialisable result, so a run over thousands of servers can be spread over many machines).
 */
public final class Hunt {

    private final Detectors detectors;
    private final KnowledgeBase kb;
    private final ResponseSteps steps;
    private final HuntOptions options;

    private Hunt(Detectors detectors, KnowledgeBase kb, ResponseSteps steps, HuntOptions options) {
        this.detectors = detectors;
        this.kb = kb;
        this.steps = steps;
        this.options = options;
    }

    /** A hunt with the rules of a rule pack. */
    public static Hunt with(RulePack pack, HuntOptions options) {
        return with(pack, UserRules.NONE, options);
    }

    /**
     * A hunt with the rules of a rule pack and the user's own: YARA and Sigma rules, indicator files (CSV
     * lists or STIX 2.1 bundles).
     */
    public static Hunt with(RulePack pack, UserRules user, HuntOptions options) {
        KnowledgeBase kb = pack.knowledgeBase();
        List<Path> iocFiles = user.ioc();
        List<Diagnostic> problems = new ArrayList<>();
        Set<String> chains = kb.rows().stream().map(Row::name).collect(Collectors.toSet());
        IocSet iocs = new IocSet();
        int lists = 0;
        for (String file : pack.list("ioc/")) {
            if (!file.endsWith(".csv")) continue;
            String list = file.substring("ioc/".length(), file.length() - ".csv".length());
            IocCsv.load("exhunt.ioc." + list, "rules/" + file, pack.text(file), chains, iocs, problems::add);
            lists++;
        }
        IndicatorCounts bundled = iocs.counts();
        int bundledWithoutSize = iocs.contentWithoutSize();
        for (Path p : iocFiles) IocFiles.load(p, chains, iocs, problems::add);
        IndicatorSummary indicators = new IndicatorSummary(lists, bundled, iocFiles.size(), iocs.counts(),
                iocs.contentWithoutSize() - bundledWithoutSize);

        List<FileDetector> files = new ArrayList<>(List.of(new FileIocMatch(iocs), new WebShellSweep()));
        CompiledRules yara = YaraRules.compile(pack, user.yara(), problems::add);
        if (yara != null) files.add(new YaraDetector(yara));
        AuthFolderBaseline baseline = null;
        if (pack.has(AuthFolderBaseline.FILE)) {
            baseline = AuthFolderBaseline.parse("rules/" + AuthFolderBaseline.FILE, pack.text(AuthFolderBaseline.FILE), problems::add);
            files.add(new AuthFolderAudit(baseline));
        } else {
            problems.add(Diagnostic.error("rules.missing", SourceRef.file("rules/" + AuthFolderBaseline.FILE),
                    "not in the rule pack: files in the OWA and ECP auth folders were not compared with a standard install"));
        }
        files.add(new PageCodeAudit(baseline));
        ProgramDataOwners owners = ProgramDataOwners.none();
        if (pack.has(ProgramDataOwners.FILE)) {
            owners = ProgramDataOwners.parse("rules/" + ProgramDataOwners.FILE, pack.text(ProgramDataOwners.FILE), problems::add);
        } else {
            problems.add(Diagnostic.error("rules.missing", SourceRef.file("rules/" + ProgramDataOwners.FILE),
                    "not in the rule pack: every archive in ProgramData is reported, products' own ones too"));
        }
        List<RecordDetector> records = List.of(new RequestIocMatch(iocs));
        List<ListingDetector> listings = List.of(new PlaceIocSweep(iocs), new LsassDumpSweep(), new StagedArchiveSweep(owners),
                new AuthFolderAge(), new OversizedWebScript());
        ChainAttribution attribution = new ChainAttribution(kb.rows(),
                pack.has(ChainAttribution.FILE) ? pack.text(ChainAttribution.FILE) : null, problems::add);
        SigmaHunt sigma = SigmaHunt.load(pack, user.sigma(), user.sigmaFilters(), user.sigmaCompiled(), attribution, problems::add);
        ResponseSteps steps = ResponseSteps.NONE;
        if (pack.has(ResponseSteps.FILE)) {
            steps = ResponseSteps.parse("rules/" + ResponseSteps.FILE, pack.text(ResponseSteps.FILE), problems::add);
        } else {
            problems.add(Diagnostic.error("rules.missing", SourceRef.file("rules/" + ResponseSteps.FILE),
                    "not in the rule pack: no steps to take are given"));
        }
        return new Hunt(new Detectors(files, records, listings, sigma, iocs::wantsContentOfSize, problems, indicators, owners), kb,
                steps, options);
    }

    /** The Sigma filter documents this hunt applies, for the run report: file, id, title and the rules each names. */
    public List<RunInfo.Filter> sigmaFilters() {
        return detectors.sigma().filters().stream()
                .map(f -> new RunInfo.Filter(f.detection().where().file(), f.id(), f.detection().title(), f.rules()))
                .toList();
    }

    /** Scans the evidence of one server, which may come from several sources. */
    public ServerResult scan(String server, List<EvidenceSource> sources) {
        return new ServerScan(server, sources, detectors, kb, steps, options).run();
    }

    /** The same rules and options, compiled once, telling another progress how scans advance (one per task). */
    public Hunt withProgress(ScanProgress progress) {
        return new Hunt(detectors, kb, steps, options.withProgress(progress));
    }

    /**
     * The log files a scan of this server reads, largest first: what a run on several machines splits among them
     * ({@link #readLogs}).
     */
    public List<LogFile> logFiles(String server, List<EvidenceSource> sources) {
        return new ServerScan(server, sources, detectors, kb, steps, options).logFiles();
    }

    /**
     * Reads some of a server's log files ({@link LogFile#file}) as its scan would, for a scan elsewhere to add
     * ({@link #scan(String, List, List)}).
     */
    public LogsRead readLogs(String server, List<EvidenceSource> sources, Collection<String> logFiles) {
        return new ServerScan(server, sources, detectors, kb, steps, options).readLogs(logFiles);
    }

    /**
     * Scans a server whose log files in {@code readElsewhere} were read elsewhere ({@link #readLogs}): the result is
     * the one {@link #scan(String, List)} gives. Empty when the parts cannot be added exactly (a cap on what a scan
     * keeps was reached, or the parts' logs name the server's host differently, and what it keeps then depends on the
     * order the logs are read in): scan the server whole.
     */
    public Optional<ServerResult> scan(String server, List<EvidenceSource> sources, List<LogsRead> readElsewhere) {
        return new ServerScan(server, sources, detectors, kb, steps, options).run(readElsewhere);
    }
}
