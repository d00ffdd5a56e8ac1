package org.exhunt.hunt;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Diagnostics;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.core.Record;
import org.exhunt.core.ServerResult;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.Action;
import org.exhunt.core.facts.Examined;
import org.exhunt.core.facts.BuildSource;
import org.exhunt.core.facts.Impact;
import org.exhunt.core.facts.Install;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.core.facts.ProductArchive;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.core.facts.NotKept;
import org.exhunt.core.facts.RowTimeline;
import org.exhunt.core.facts.ScanFacts;
import org.exhunt.core.facts.ServerFacts;
import org.exhunt.core.facts.Suppression;
import org.exhunt.core.facts.Tally;
import org.exhunt.core.facts.UnreadFormat;
import org.exhunt.evidence.DriveView;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.hunt.collect.EvidenceCollector;
import org.exhunt.hunt.detect.DetectionSink;
import org.exhunt.hunt.detect.FileContent;
import org.exhunt.hunt.detect.FileDetector;
import org.exhunt.hunt.detect.Listing;
import org.exhunt.hunt.detect.ListingDetector;
import org.exhunt.hunt.detect.RecordDetector;
import org.exhunt.hunt.detect.RequestIndexer;
import org.exhunt.hunt.detect.SigmaDetector;
import org.exhunt.hunt.detect.SigmaFileRecords;
import org.exhunt.hunt.detect.StagedArchiveSweep;
import org.exhunt.hunt.exposure.ExposureScan;
import org.exhunt.hunt.impact.ImpactAssessment;
import org.exhunt.hunt.impact.ImpactIndexer;
import org.exhunt.hunt.exposure.RowAssessments;
import org.exhunt.hunt.exposure.ServerExposure;
import org.exhunt.hunt.ioc.FileDigests;
import org.exhunt.hunt.layout.ExchangeLayout;
import org.exhunt.hunt.scope.Allowlist;
import org.exhunt.hunt.response.ResponseSteps;
import org.exhunt.hunt.scope.PathGlob;
import org.exhunt.hunt.history.BuildTimeline;
import org.exhunt.hunt.history.PatchHistory;
import org.exhunt.hunt.verdict.CoverageSpans;
import org.exhunt.hunt.verdict.RequestedFiles;
import org.exhunt.hunt.verdict.RowAssessment;
import org.exhunt.hunt.verdict.ShellLinker;
import org.exhunt.hunt.verdict.Timeline;
import org.exhunt.hunt.verdict.Verdicts;
import org.exhunt.hunt.verdict.WebRequests;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.logs.LogFiles;
import org.exhunt.logs.RecordStream;
import org.exhunt.logs.coverage.CoverageCollector;

/**
 * One server's scan, from its sources to its {@link ServerResult}: list the files, find Exchange among them,
 * read every file worth reading exactly once on {@link HuntOptions#threads()} threads (web content through
 * the file detectors, logs record by record through the record detectors), then weigh the findings.
 *
 * <p>A big server's logs can be read in parts on other machines ({@link #readLogs}, each part the state the scan keeps
 * while it reads) and added to the scan that reads the rest ({@link #run(List)}), which then weighs everything once.
 */
final class ServerScan {

    private final String server;
    private final List<EvidenceSource> sources;
    private final Detectors detectors;
    private final KnowledgeBase kb;
    private final ResponseSteps steps;
    private final HuntOptions options;

    private Diagnostics problems = new Diagnostics();
    private final FindingsKept findings = new FindingsKept();
    private final Allowlist.Tally suppressions;
    private final Map<Tally, Long> tallies = new ConcurrentHashMap<>();
    private final DetectionSink sink = new DetectionSink() {
        @Override public void finding(Finding f) { keep(f); }
        @Override public void problem(Diagnostic d) { problems.add(d); }
        @Override public void tally(Tally fact, long count) { tallies.merge(fact, count, Long::sum); }
    };
    private final WebRequests requests = new WebRequests();
    private final RequestIndexer requestIndexer = new RequestIndexer(requests);
    private final ImpactIndexer impactIndex = new ImpactIndexer();
    private final CoverageCollector coverage = new CoverageCollector();
    private final CoverageSpans coverageSpans = new CoverageSpans();
    private final PatchHistory history;
    private final Map<String, Long> unreadLogFormats = new TreeMap<>();
    private final AtomicInteger webFilesExamined = new AtomicInteger();
    private final AtomicInteger logFilesRead = new AtomicInteger();
    private final AtomicInteger webFolderFiles = new AtomicInteger();
    private int excluded;
    private List<EvidenceFile> files;
    private ExchangeLayout layout;
    private boolean sniffLogs;   // logs handed over without the drive around them are known by their content
    private List<ProductArchive> productArchives = List.of();   // a known product's archives, for the notes
    private long productArchivesNotKept;
    private SigmaDetector sigma;
    private SigmaFileRecords fileRecords;
    private List<RecordDetector> recordDetectors;

    ServerScan(String server, List<EvidenceSource> sources, Detectors detectors, KnowledgeBase kb, ResponseSteps steps,
               HuntOptions options) {
        this.server = server;
        this.sources = sources;
        this.detectors = detectors;
        this.kb = kb;
        this.steps = steps;
        this.options = options;
        this.suppressions = options.allowlist().tally();
        this.history = new PatchHistory(kb);
    }

    ServerResult run() {
        return run(List.of()).orElseThrow();
    }

    /**
     * The scan, with the log files that {@code readElsewhere} read added from there instead of read here; empty when
     * the parts cannot be added so that the result is the one reading every log here gives (a cap reached: {@link
     * WebRequests#absorb}, {@link SigmaDetector#absorb}, {@link ImpactIndexer#absorb}).
     */
    Optional<ServerResult> run(List<LogsRead> readElsewhere) {
        detectors.problems().forEach(problems::add);
        prepare();
        Set<String> elsewhere = new HashSet<>();
        readElsewhere.forEach(part -> elsewhere.addAll(part.files));

        Listing listing = new Listing(files, layout);
        for (ListingDetector d : detectors.listings()) d.examine(listing, this::keep);

        List<Work> work = new ArrayList<>();
        long bytes = 0;
        ExposureScan exposure = new ExposureScan(kb, layout.installPath().orElse(null));
        for (EvidenceFile f : files) {
            exposure.examine(f, problems::add);
            // a file whose content is examined gets its file record there (with sha256 and head); the others here
            if (layout.isWebContent(f.drivePath())) {
                webFolderFiles.incrementAndGet();
                work.add(new Work(f.size(), () -> examineContent(f, layout)));
            } else if (PatchHistory.reads(f.drivePath())) {
                work.add(new Work(f.size(), () -> readHistory(f)));
                fileRecords.listed(f, null, this::keep);
            } else if (isLog(f)) {
                fileRecords.listed(f, null, this::keep);
                if (elsewhere.contains(f.ref().file())) continue;
                work.add(new Work(f.size(), () -> readLog(f, layout.isLogLocation(f.drivePath()))));
            } else if (detectors.contentWanted().test(f.size())) {
                work.add(new Work(f.size(), () -> examineContent(f, layout)));
            } else {
                fileRecords.listed(f, null, this::keep);
                continue;
            }
            bytes += f.size();
        }
        options.progress().started(server, work.size(), bytes);
        runAll(work);
        for (LogsRead part : readElsewhere) {
            if (!absorb(part)) return Optional.empty();
        }
        sigma.finish(sink);
        options.progress().finished(server);

        List<LogCoverage> logs = coverage.coverage();
        exposure.builds().logs(logs);
        history.logBuilds(logs);
        ServerExposure exposed = exposure.result();
        history.folders(exposed.build().from(BuildSource.OWA_FOLDER));
        List<PatchEvent> patches = history.events();
        BuildTimeline timeline = BuildTimeline.of(kb, patches,
                exposed.build().chosen().map(o -> o.build()).orElse(null), evidenceEnd(logs, patches));
        List<RowAssessment> rows = RowAssessments.of(kb, exposed, timeline, coverageSpans.covered());
        productArchives(rows);
        List<Finding> kept = findings.all();
        Verdicts.Outcome outcome = Verdicts.decide(server, rows, kept, requests, webFolderFiles.get());
        // a file's use is found after the allowlist ran on what the detectors found: it answers to it here
        List<Finding> reported = outcome.findings().stream()
                .filter(f -> !RequestedFiles.RULE.equals(f.ruleId()) || !suppressions.suppresses(f)).toList();
        if (options.collectDir() != null) collect(reported);
        List<RowTimeline> timelines = Timeline.of(reported, requests, findings.dropped());
        Impact impact = ImpactAssessment.of(reported, outcome.verdicts(), timelines, logs, impactIndex, this::onDisk);
        List<Action> actions = steps.plan(server, outcome.verdicts(), exposed.buildFacts(), impact, timelines);
        return Optional.of(new ServerResult(server, sources.stream().map(EvidenceSource::describe).toList(),
                outcome.verdicts(), reported, problems.all(),
                facts(layout, exposed, logs, timelines, patches, timeline, impact, actions)));
    }

    /** Whether a path of the server's drive ({@code c:\inetpub\...}, any case) is a file of the evidence. */
    private boolean onDisk(String path) {
        String key = ShellLinker.PathKey.of(path);
        return files.stream().anyMatch(f -> ShellLinker.PathKey.of(f.windowsPath()).equals(key));
    }

    /** Lists the files, finds Exchange among them, and sets up the record detectors for this server. */
    private void prepare() {
        files = listFiles();
        layout = options.installPath() != null
                ? ExchangeLayout.withInstallPath(options.installPath())
                : ExchangeLayout.discover(files.stream().map(EvidenceFile::drivePath).toList());
        sigma = detectors.sigma().forServer(layout.installPathForDisplay().orElse(null), problems::add);
        recordDetectors = new ArrayList<>(detectors.records());
        recordDetectors.add(sigma);
        fileRecords = new SigmaFileRecords(sigma);
        // logs handed over without the drive around them (one file, a folder of logs) are known by their content
        sniffLogs = !LoneLogs.hasDriveLayout(files);
    }

    /**
     * Whether the scan reads a file as a log: in a log folder, or one that may be a log when the evidence has no drive
     * around it; web content is examined as content and setup and update logs read as patch history, wherever they are.
     */
    private boolean isLog(EvidenceFile f) {
        String p = f.drivePath();
        return !layout.isWebContent(p) && !PatchHistory.reads(p) && (layout.isLogLocation(p) || (sniffLogs && LoneLogs.mayBeLog(p)));
    }

    /** The log files the scan reads, largest first (the order it starts them in), stable over the listing's order. */
    List<LogFile> logFiles() {
        prepare();
        return files.stream().filter(this::isLog).sorted(Comparator.comparingLong(EvidenceFile::size).reversed())
                .map(f -> new LogFile(f.ref().file(), f.size())).toList();
    }

    /**
     * Reads these log files as the scan would, and keeps what it keeps; the problems of listing the files and setting
     * up the rules are left to the scan that adds the part, which meets them too.
     */
    LogsRead readLogs(Collection<String> which) {
        prepare();
        problems = new Diagnostics();
        Set<String> wanted = Set.copyOf(which);
        List<Work> work = new ArrayList<>();
        Set<String> read = new HashSet<>();
        for (EvidenceFile f : files) {
            if (isLog(f) && wanted.contains(f.ref().file())) {
                work.add(new Work(f.size(), () -> readLog(f, layout.isLogLocation(f.drivePath()))));
                read.add(f.ref().file());
            }
        }
        runAll(work);
        Map<Tally, Long> counted = new EnumMap<>(Tally.class);
        counted.putAll(tallies);
        return new LogsRead(read, findings.part(), problems, counted, suppressions.counts(), coverage, requests,
                sigma.kept(), new TreeMap<>(unreadLogFormats), logFilesRead.get(), coverageSpans, history.events(),
                impactIndex);
    }

    /** Adds what reading some logs elsewhere gave; false when that cannot be done exactly. */
    private boolean absorb(LogsRead part) {
        if (!requests.absorb(part.requests) || !sigma.absorb(part.correlation) || !impactIndex.absorb(part.impact)) {
            return false;
        }
        findings.absorb(part.findings);
        problems.addAll(part.problems);
        part.tallies.forEach((fact, n) -> tallies.merge(fact, n, Long::sum));
        suppressions.add(part.suppressed);
        coverage.merge(part.coverage);
        coverageSpans.addAll(part.coverageSpans);
        history.addAll(part.patchEvents);
        synchronized (unreadLogFormats) {
            part.unreadFormats.forEach((ext, n) -> unreadLogFormats.merge(ext, n, Long::sum));
        }
        logFilesRead.addAndGet(part.logFilesRead);
        return true;
    }

    /**
     * The archives in ProgramData inside a known product's own tree: a finding when written within a chain's exposure
     * window (or at a time the evidence does not keep), else listed in the notes.
     */
    private void productArchives(List<RowAssessment> rows) {
        List<ProductArchive> listed = new ArrayList<>();
        for (EvidenceFile f : files) {
            if (!StagedArchiveSweep.isArchive(f)) continue;
            Optional<String> product = detectors.archiveOwners().owner(f.drivePath());
            if (product.isEmpty()) continue;
            List<String> open = f.modified() == null ? null : Verdicts.exposedAt(rows, f.modified());
            if (open != null && open.isEmpty()) {
                listed.add(new ProductArchive(f.windowsPath(), product.get(), f.modified()));
                continue;
            }
            keep(StagedArchiveSweep.finding(f).evidence("product_folder", product.get())
                    .evidence("written", open == null ? "at a time the evidence does not keep"
                            : "within the exposure window of " + String.join(", ", open))
                    .build());
        }
        listed.sort(Comparator.comparing(ProductArchive::path));
        productArchivesNotKept = Math.max(0, listed.size() - Examined.PRODUCT_ARCHIVES_KEPT);
        productArchives = listed.subList(0, Math.min(listed.size(), Examined.PRODUCT_ARCHIVES_KEPT));
    }

    /**
     * The end of the evidence: its latest log record or patch-history entry (file times aside), no later than
     * {@code --until}; null when nothing in it has a time.
     */
    private Instant evidenceEnd(List<LogCoverage> logs, List<PatchEvent> patches) {
        Instant end = null;
        for (LogCoverage c : logs) end = later(end, c.newest());
        for (PatchEvent e : patches) {
            if (e.strength() != PatchEvent.Strength.HINT) end = later(end, e.until() != null ? e.until() : e.time());
        }
        Instant until = options.window().until();
        return end != null && until != null && end.isAfter(until) ? until : end;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) return b;
        return b == null || !b.isAfter(a) ? a : b;
    }

    private void readHistory(EvidenceFile f) {
        try {
            history.read(f, problems::add);
        } finally {
            options.progress().advanced(f.size());
        }
    }

    private List<EvidenceFile> listFiles() {
        List<EvidenceFile> files = new ArrayList<>();
        DriveView.walk(sources, f -> {
            if (options.excludes().stream().anyMatch(g -> g.matches(f.drivePath()))) excluded++;
            else files.add(f);
        }, problems::add);
        return files;
    }

    /** A file to read, and its size: the largest are started first, so that no thread is left with one at the end. */
    private record Work(long size, Runnable read) {}

    private void keep(Finding f) {
        if (!suppressions.suppresses(f)) findings.add(f);
    }

    private void runAll(List<Work> work) {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "exhunt-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> pending = new ArrayList<>();
            List<Work> largestFirst = new ArrayList<>(work);
            largestFirst.sort(Comparator.comparingLong(Work::size).reversed());
            for (Work w : largestFirst) pending.add(pool.submit(w.read()));
            for (Future<?> f : pending) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan of " + server + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            // a detector's bug: surface it as the internal error it is, not as a quiet gap in the evidence
            throw new IllegalStateException("scan of " + server + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void examineContent(EvidenceFile f, ExchangeLayout layout) {
        String url = layout.urlPath(f.drivePath()).orElse(null);
        try {
            if (layout.webShellLocation(f.drivePath()).isPresent()) webFilesExamined.incrementAndGet();
            byte[] bytes;
            try (InputStream in = f.open()) {
                bytes = in.readNBytes(Limits.CONTENT_BYTES + 1);
            }
            if (bytes.length > Limits.CONTENT_BYTES) {
                problems.add(Diagnostic.error("content.too-large", f.ref(), "larger than "
                        + (Limits.CONTENT_BYTES >> 20) + " MiB: its content was not examined"));
                examineUnread(f, layout, url);
                return;
            }
            FileContent content = new FileContent(f, bytes, FileDigests.hex("SHA-256", bytes),
                    layout.webShellLocation(f.drivePath()).orElse(null), url, layout.isWebContent(f.drivePath()));
            for (FileDetector d : detectors.files()) d.examine(content, sink);
            fileRecords.read(content, this::keep);
        } catch (IOException e) {
            problems.add(Diagnostic.error("read.failed", f.ref(), "could not be read: " + e.getMessage()));
            examineUnread(f, layout, url);
        } finally {
            options.progress().advanced(f.size());
        }
    }

    /**
     * A file whose content could not be read still gets the checks that need only its name and place (a script in
     * aspnet_client, a name on a web-shell list, a file the auth folders do not hold): the reason it was not read
     * must not be a way to hide from them.
     */
    private void examineUnread(EvidenceFile f, ExchangeLayout layout, String url) {
        FileContent listed = FileContent.unread(f, layout.webShellLocation(f.drivePath()).orElse(null), url,
                layout.isWebContent(f.drivePath()));
        for (FileDetector d : detectors.files()) {
            if (!d.needsContent()) d.examine(listed, sink);
        }
        fileRecords.listed(f, url, this::keep);
    }

    /** @param inLogFolder whether the file lies where logs are kept (else it was only a candidate: not a log is no gap) */
    private void readLog(EvidenceFile f, boolean inLogFolder) {
        try {
            Optional<RecordStream> opened = LogFiles.open(f.drivePath(), f.ref().file(), f.open(), problems::add,
                    options.recoverSlack());
            if (opened.isEmpty()) {
                if (!inLogFolder) return;
                synchronized (unreadLogFormats) {
                    unreadLogFormats.merge(extension(f.drivePath()), 1L, Long::sum);
                }
                return;
            }
            logFilesRead.incrementAndGet();
            CoverageCollector fileCoverage = new CoverageCollector();
            try (RecordStream records = opened.get()) {
                while (records.hasNext()) {
                    Record r = records.next();
                    history.observe(r);   // a build installed is history whatever the window of the evidence looked at
                    // records outside --since/--until are not examined, so they must not count as logs that
                    // could have shown a chain either: a row would come out CLEAN on records nobody looked at
                    if (!options.window().contains(r.time())) continue;
                    fileCoverage.add(r);
                    requestIndexer.observe(r);
                    impactIndex.observe(r);
                    for (RecordDetector d : recordDetectors) d.examine(r, sink);
                }
            }
            coverage.merge(fileCoverage);
            for (LogCoverage c : fileCoverage.coverage()) coverageSpans.add(c.type(), c.oldest(), c.newest());
        } catch (IOException e) {
            problems.add(Diagnostic.error("read.failed", f.ref(), "could not be read: " + e.getMessage()));
        } finally {
            options.progress().advanced(f.size());
        }
    }

    private void collect(List<Finding> evidence) {
        try {
            new EvidenceCollector(options.collectDir()).collect(server, files, evidence, problems::add);
        } catch (IOException e) {
            problems.add(Diagnostic.error("collect.failed", SourceRef.file(options.collectDir().toString()),
                    "evidence could not be collected: " + e));
        }
    }

    /** What the scan found out besides its verdicts and findings, as data; the reports put it into words. */
    private ServerFacts facts(ExchangeLayout layout, ServerExposure exposed, List<LogCoverage> logs,
                              List<RowTimeline> timelines, List<PatchEvent> patches, BuildTimeline timeline,
                              Impact impact, List<Action> actions) {
        String installPath = layout.installPathForDisplay().orElse(null);
        Examined examined = new Examined(files.size(), webFilesExamined.get(), logFilesRead.get(), excluded,
                options.excludes().stream().map(PathGlob::toString).toList(),
                unreadLogFormats.entrySet().stream().map(e -> new UnreadFormat(e.getKey(), e.getValue())).toList(),
                options.window().since(), options.window().until(), requests.dropped(), webFolderFiles.get(),
                productArchives, productArchivesNotKept);
        List<Suppression> suppressed = new ArrayList<>();
        suppressions.suppressed().forEach((entry, n) -> suppressed.add(new Suppression(entry, n)));
        ScanFacts scan = new ScanFacts(new Install(installPath, options.installPath() != null), exposed.mitigations(),
                exposed.extendedProtection(), examined, detectors.indicators(),
                detectors.sigma().summary(installPath, fileRecords.seen()), logs, tallies,
                findings.dropped().entrySet().stream().map(e -> new NotKept(e.getKey(), e.getValue())).toList(), suppressed,
                timelines, patches, timeline.spans(), impact);
        return new ServerFacts(exposed.buildFacts(), scan, null, actions);
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "(none)" : name.substring(dot).toLowerCase(Locale.ROOT);
    }
}
