package org.exhunt.testkit.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.exhunt.testkit.logs.LogGenerator;
import org.exhunt.testkit.logs.PlantedEvent;

/**
 * Writes a {@link Scenario} as a server image: a folder laid out like the server's system drive, with every
 * log written one file per day (per protocol folder for HttpProxy), ordinary traffic drawn from the scenario's
 * seed and the attack steps planted at their times, and, for a large image, the install's and Windows' files up
 * to the scenario's count. Logs are produced as they are written, never held whole. The same scenario always
 * gives the same bytes.
 */
public final class ImageBuilder {

    /** Ordinary events a day in each event log. */
    private static final Map<LogKind, Integer> EVENTS_PER_DAY = Map.of(LogKind.APPLICATION, 8, LogKind.MANAGEMENT, 5,
            LogKind.SECURITY, 10, LogKind.SYSMON, 10);
    private static final long HOUR = 3_600_000L;

    private ImageBuilder() {}

    /** Writes the image into {@code drive}, which must not exist yet or be empty. */
    public static void write(Scenario s, Path drive) throws IOException {
        if (Files.isDirectory(drive)) {
            try (var list = Files.list(drive)) {
                if (list.findAny().isPresent()) throw new IOException("not empty: " + drive);
            }
        }
        Files.createDirectories(drive);
        Map<String, byte[]> serverFiles = ServerFiles.of(s);
        for (Map.Entry<String, byte[]> f : serverFiles.entrySet()) put(drive, f.getKey(), f.getValue(), 0);
        int logFiles = writeTextLogs(s, drive) + writeEventLogs(s, drive);
        List<Scenario.PatchRecord> setupRuns = s.patchRecords().stream().filter(r -> r.kind() == Scenario.PatchRecord.Kind.SETUP_INSTALL
                || r.kind() == Scenario.PatchRecord.Kind.SETUP_UPGRADE).toList();
        if (!setupRuns.isEmpty()) {
            put(drive, SetupLogWriter.PATH, SetupLogWriter.of(setupRuns), 0);
            logFiles++;
        }
        for (Scenario.PatchRecord r : s.patchRecords()) {
            if (r.kind() != Scenario.PatchRecord.Kind.UPDATE_LOG) continue;
            put(drive, UpdateLogWriter.path(r), UpdateLogWriter.of(r), 0);
            logFiles++;
        }
        for (DroppedFile f : s.files()) put(drive, f.drivePath(), f.content(), f.size());
        if (s.filesInAll() > 0) {
            int written = serverFiles.size() + logFiles + s.files().size() + InstallFiles.fixedFiles();
            InstallFiles.write(drive, s, Math.max(0, s.filesInAll() - written));
        }
    }

    /** Returns how many files it wrote. */
    private static int writeTextLogs(Scenario s, Path drive) throws IOException {
        Map<String, List<PlantedEvent>> planted = new LinkedHashMap<>();   // file -> events
        for (Step step : s.steps()) {
            for (Trace t : step.traces()) {
                if (t instanceof Trace.Line line && s.logged(t.kind(), line.event().at())) {
                    planted.computeIfAbsent(Layout.file(s, t), k -> new ArrayList<>()).add(line.event());
                }
            }
        }
        int files = 0;
        for (LogKind kind : LogKind.values()) {
            if (kind.isEventLog() || !s.logs().contains(kind)) continue;
            Scenario.Span span = s.span(kind);
            for (Layout.Day day : Layout.days(span.from(), span.to())) {
                for (String folder : folders(s, kind)) {
                    LogGenerator g = Layout.generator(kind, folder).start(day.from()).until(day.to())
                            .size(Long.MAX_VALUE).server(Attacks.HOST).build(s.buildAt(day.from()))
                            .bareCsvHeader(s.bareCsvHeader()).seed(seed(s, kind + "/" + folder + "/" + day.from()))
                            .meanGap(meanGap(s, kind, folder));
                    // an update installed during the day: the day's log shows the new build from then on
                    for (Scenario.EarlierBuild e : s.earlierBuilds()) {
                        if (e.until().isAfter(day.from()) && e.until().isBefore(day.to())) g.buildChange(e.until(), s.buildAt(e.until()));
                    }
                    g.plant(planted.getOrDefault(g.serverPath(), List.of()).toArray(PlantedEvent[]::new));
                    g.writeTo(drive.resolve(g.serverPath()));
                    files++;
                }
            }
        }
        return files;
    }

    /** HttpProxy's protocol folders and any a step uses; one "folder" for the other logs. */
    private static List<String> folders(Scenario s, LogKind kind) {
        if (kind != LogKind.HTTPPROXY) return java.util.Collections.singletonList(null);
        TreeSet<String> folders = new TreeSet<>(s.httpProxyFolders());
        for (Step step : s.steps()) {
            for (Trace t : step.traces()) {
                if (t instanceof Trace.Line line && t.kind() == LogKind.HTTPPROXY) folders.add(Layout.folder(line));
            }
        }
        return List.copyOf(folders);
    }

    /**
     * The mean time between ordinary lines, unless the scenario sets it: IIS at the scenario's rate (both sites);
     * each HttpProxy folder and the ECP log at a sixteenth of it (each HttpProxy line is ten times an IIS line's
     * size); the OAB generator twice an hour.
     */
    private static Duration meanGap(Scenario s, LogKind kind, String folder) {
        Duration set = s.lineGap(kind, folder);
        if (set != null) return set;
        long iis = HOUR / Math.max(1, s.requestsPerHour());
        return Duration.ofMillis(switch (kind) {
            case IIS, IIS_BACKEND -> iis;
            case HTTPPROXY, ECP_SERVER -> 16 * iis;
            default -> HOUR / 2;
        });
    }

    /**
     * Each event log: its ordinary events with the steps' events among them, in time order; at the same time the
     * ordinary event first, and the steps' events in their order. Returns how many files it wrote.
     */
    private static int writeEventLogs(Scenario s, Path drive) throws IOException {
        int files = 0;
        for (LogKind kind : LogKind.values()) {
            if (!kind.isEventLog() || !s.logs().contains(kind)) continue;
            List<EvtxEvent> planted = new ArrayList<>();
            for (Scenario.PatchRecord r : s.patchRecords()) {
                if (r.kind() == Scenario.PatchRecord.Kind.MSI_UPDATE && kind == LogKind.APPLICATION && s.logged(kind, r.at())) {
                    planted.add(org.exhunt.testkit.evtx.EventSamples.msiUpdate(r.at(), r.name(), true));
                }
            }
            for (Step step : s.steps()) {
                for (Trace t : step.traces()) {
                    if (t instanceof Trace.Event e && s.logged(kind, e.event().time()) && t.kind() == kind) planted.add(e.event());
                }
            }
            planted.sort(Comparator.comparing(EvtxEvent::time));   // stable: a step's events stay in their order
            Deque<EvtxEvent> steps = new ArrayDeque<>(planted);
            Integer perDay = s.eventsPerDay(kind);
            Scenario.Span span = s.span(kind);
            Iterator<EvtxEvent> ordinary = EventBackground.of(kind, span.from(), span.to(),
                    perDay != null ? perDay : EVENTS_PER_DAY.get(kind), seed(s, kind.name()));
            Path file = drive.resolve(kind.evtxPath());
            Files.createDirectories(file.getParent());
            try (EvtxWriter w = EvtxWriter.create(file)) {
                while (ordinary.hasNext()) {
                    EvtxEvent e = ordinary.next();
                    while (!steps.isEmpty() && steps.peek().time().isBefore(e.time())) w.write(steps.poll());
                    w.write(e);
                }
                while (!steps.isEmpty()) w.write(steps.poll());
            }
            files++;
        }
        return files;
    }

    private static long seed(Scenario s, String part) {
        return s.seed() * 1_000_003L + part.hashCode();
    }

    /** A file of its content and, up to {@code size}, zeros the file system does not store. */
    private static void put(Path drive, String drivePath, byte[] content, long size) throws IOException {
        if (size > content.length) {
            InstallFiles.sparse(drive, drivePath, content, size);
            return;
        }
        Path file = drive.resolve(drivePath);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
