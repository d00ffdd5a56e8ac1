package org.exhunt.hunt;

import java.io.IOException;
import java.io.InputStream;
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
import org.exhunt.core.facts.Examined;
import org.exhunt.core.facts.Install;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.core.facts.NotKept;
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
import org.exhunt.hunt.exposure.ExposureScan;
import org.exhunt.hunt.exposure.LogReach;
import org.exhunt.hunt.exposure.RowAssessments;
import org.exhunt.hunt.exposure.ServerExposure;
import org.exhunt.hunt.ioc.FileDigests;
import org.exhunt.hunt.layout.ExchangeLayout;
import org.exhunt.hunt.scope.Allowlist;
import org.exhunt.hunt.scope.PathGlob;
import org.exhunt.hunt.verdict.RequestedFiles;
import org.exhunt.hunt.verdict.RowAssessment;
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
    private final CoverageCollector coverage = new CoverageCollector();
    private final Map<String, Long> unreadLogFormats = new TreeMap<>();
    private final AtomicInteger webFilesExamined = new AtomicInteger();
    private final AtomicInteger logFilesRead = new AtomicInteger();
    private int excluded;
    private List<EvidenceFile> files;
    private ExchangeLayout layout;
    private SigmaDetector sigma;
    private SigmaFileRecords fileRecords;
    private List<RecordDetector> recordDetectors;

    ServerScan(String server, List<EvidenceSource> sources, Detectors detectors, KnowledgeBase kb, HuntOptions options) {
        this.server = server;
        this.sources = sources;
        this.detectors = detectors;
        this.kb = kb;
        this.options = options;
        this.suppressions = options.allowlist().tally();
    }

    ServerResult run() {
        return run(List.of()).orElseThrow();
    }

    /**
     * The scan, with the log files that {@code readElsewhere} read added from there instead of read here; empty when
     * the parts cannot be added so that the result is the one reading every log here gives (a cap reached: {@link
     * WebRequests#absorb}, {@link SigmaDetector#absorb}).
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
        boolean sawInetpub = false;
        ExposureScan exposure = new ExposureScan(kb, layout.installPath().orElse(null));
        for (EvidenceFile f : files) {
            sawInetpub |= f.drivePath().regionMatches(true, 0, "inetpub/", 0, "inetpub/".length());
            exposure.examine(f, problems::add);
            // a file whose content is examined gets its file record there (with sha256 and head); the others here
            if (layout.isWebContent(f.drivePath())) {
                work.add(new Work(f.size(), () -> examineContent(f, layout)));
            } else if (layout.isLogLocation(f.drivePath())) {
                fileRecords.listed(f, null, this::keep);
                if (elsewhere.contains(f.ref().file())) continue;
                work.add(new Work(f.size(), () -> readLog(f)));
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

        List<Finding> kept = findings.all();
        List<LogCoverage> logs = coverage.coverage();
        exposure.builds().logs(logs);
        ServerExposure exposed = exposure.result();
        List<RowAssessment> rows = RowAssessments.of(kb, exposed, logs.stream()
                .map(c -> new LogReach(c.type(), c.oldest(), c.newest())).toList());
        Verdicts.Outcome outcome = Verdicts.decide(server, rows, kept, requests, webFilesExamined.get(),
                layout.installPath().isPresent() || sawInetpub);
        // a file's use is found after the allowlist ran on what the detectors found: it answers to it here
        List<Finding> reported = outcome.findings().stream()
                .filter(f -> !RequestedFiles.RULE.equals(f.ruleId()) || !suppressions.suppresses(f)).toList();
        if (options.collectDir() != null) collect(reported);
        return Optional.of(new ServerResult(server, sources.stream().map(EvidenceSource::describe).toList(),
                outcome.verdicts(), reported, problems.all(), facts(layout, exposed, logs, reported)));
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
    }

    /** Whether the scan reads a file as a log (web content is examined as content, wherever it is). */
    private boolean isLog(EvidenceFile f) {
        return !layout.isWebContent(f.drivePath()) && layout.isLogLocation(f.drivePath());
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
                work.add(new Work(f.size(), () -> readLog(f)));
                read.add(f.ref().file());
            }
        }
        runAll(work);
        Map<Tally, Long> counted = new EnumMap<>(Tally.class);
        counted.putAll(tallies);
        return new LogsRead(read, findings.part(), problems, counted, suppressions.counts(), coverage, requests,
                sigma.kept(), new TreeMap<>(unreadLogFormats), logFilesRead.get());
    }

    /** Adds what reading some logs elsewhere gave; false when that cannot be done exactly. */
    private boolean absorb(LogsRead part) {
        if (!requests.absorb(part.requests) || !sigma.absorb(part.correlation)) return false;
        findings.absorb(part.findings);
        problems.addAll(part.problems);
        part.tallies.forEach((fact, n) -> tallies.merge(fact, n, Long::sum));
        suppressions.add(part.suppressed);
        coverage.merge(part.coverage);
        synchronized (unreadLogFormats) {
            part.unreadFormats.forEach((ext, n) -> unreadLogFormats.merge(ext, n, Long::sum));
        }
        logFilesRead.addAndGet(part.logFilesRead);
        return true;
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
                    layout.webShellLocation(f.drivePath()).orElse(null), url);
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
        FileContent listed = FileContent.unread(f, layout.webShellLocation(f.drivePath()).orElse(null), url);
        for (FileDetector d : detectors.files()) {
            if (!d.needsContent()) d.examine(listed, sink);
        }
        fileRecords.listed(f, url, this::keep);
    }

    private void readLog(EvidenceFile f) {
        try {
            Optional<RecordStream> opened = LogFiles.open(f.drivePath(), f.ref().file(), f.open(), problems::add,
                    options.recoverSlack());
            if (opened.isEmpty()) {
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
                    // records outside --since/--until are not examined, so they must not count as logs that
                    // could have shown a chain either: a row would come out CLEAN on records nobody looked at
                    if (!options.window().contains(r.time())) continue;
                    fileCoverage.add(r);
                    requestIndexer.observe(r);
                    for (RecordDetector d : recordDetectors) d.examine(r, sink);
                }
            }
            coverage.merge(fileCoverage);
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
    private ServerFacts facts(ExchangeLayout layout, ServerExposure exposed, List<LogCoverage> logs, List<Finding> reported) {
        String installPath = layout.installPathForDisplay().orElse(null);
        Examined examined = new Examined(files.size(), webFilesExamined.get(), logFilesRead.get(), excluded,
                options.excludes().stream().map(PathGlob::toString).toList(),
                unreadLogFormats.entrySet().stream().map(e -> new UnreadFormat(e.getKey(), e.getValue())).toList(),
                options.window().since(), options.window().until(), requests.dropped());
        List<Suppression> suppressed = new ArrayList<>();
        suppressions.suppressed().forEach((entry, n) -> suppressed.add(new Suppression(entry, n)));
        ScanFacts scan = new ScanFacts(new Install(installPath, options.installPath() != null), exposed.mitigations(),
                exposed.extendedProtection(), examined, detectors.indicators(),
                detectors.sigma().summary(installPath, fileRecords.seen()), logs, tallies,
                findings.dropped().entrySet().stream().map(e -> new NotKept(e.getKey(), e.getValue())).toList(), suppressed,
                Timeline.of(reported, requests, findings.dropped()));
        return new ServerFacts(exposed.buildFacts(), scan, null);
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "(none)" : name.substring(dot).toLowerCase(Locale.ROOT);
    }
}
