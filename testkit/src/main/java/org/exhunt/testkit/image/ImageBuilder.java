package org.exhunt.testkit.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
 * seed and the attack steps planted at their times. The same scenario always gives the same bytes.
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
        for (Map.Entry<String, byte[]> f : ServerFiles.of(s).entrySet()) put(drive, f.getKey(), f.getValue());
        writeTextLogs(s, drive);
        writeEventLogs(s, drive);
        for (DroppedFile f : s.files()) put(drive, f.drivePath(), f.content());
    }

    private static void writeTextLogs(Scenario s, Path drive) throws IOException {
        if (s.logs().isEmpty()) return;
        Map<String, List<PlantedEvent>> planted = new LinkedHashMap<>();   // file -> events
        for (Step step : s.steps()) {
            for (Trace t : step.traces()) {
                if (t instanceof Trace.Line line && s.logged(t.kind(), line.event().at())) {
                    planted.computeIfAbsent(Layout.file(s, t), k -> new ArrayList<>()).add(line.event());
                }
            }
        }
        for (Layout.Day day : Layout.days(s.logsFrom(), s.logsTo())) {
            for (LogKind kind : LogKind.values()) {
                if (kind.isEventLog() || !s.logs().contains(kind)) continue;
                for (String folder : folders(s, kind)) {
                    LogGenerator g = Layout.generator(kind, folder).start(day.from()).until(day.to())
                            .size(Long.MAX_VALUE).server(Attacks.HOST).build(s.buildAt(day.from()))
                            .bareCsvHeader(s.bareCsvHeader()).seed(seed(s, kind + "/" + folder + "/" + day.from()))
                            .meanGap(java.time.Duration.ofMillis(meanGap(s, kind)));
                    g.plant(planted.getOrDefault(g.serverPath(), List.of()).toArray(PlantedEvent[]::new));
                    g.writeTo(drive.resolve(g.serverPath()));
                }
            }
        }
    }

    /** HttpProxy's usual protocol folders and any a step uses; one "folder" for the other logs. */
    private static List<String> folders(Scenario s, LogKind kind) {
        if (kind != LogKind.HTTPPROXY) return java.util.Collections.singletonList(null);
        TreeSet<String> folders = new TreeSet<>(Layout.HTTPPROXY_FOLDERS);
        for (Step step : s.steps()) {
            for (Trace t : step.traces()) {
                if (t instanceof Trace.Line line && t.kind() == LogKind.HTTPPROXY) folders.add(Layout.folder(line));
            }
        }
        return List.copyOf(folders);
    }

    /**
     * The mean time between ordinary lines: IIS at the scenario's rate; each HttpProxy folder and the ECP log at a
     * sixteenth of it (each HttpProxy line is ten times an IIS line's size); the OAB generator twice an hour.
     */
    private static long meanGap(Scenario s, LogKind kind) {
        long iis = HOUR / Math.max(1, s.requestsPerHour());
        return switch (kind) {
            case IIS -> iis;
            case HTTPPROXY, ECP_SERVER -> 16 * iis;
            default -> HOUR / 2;
        };
    }

    private static void writeEventLogs(Scenario s, Path drive) throws IOException {
        for (LogKind kind : LogKind.values()) {
            if (!kind.isEventLog() || !s.logs().contains(kind)) continue;
            List<EvtxEvent> events = new ArrayList<>(EventBackground.of(kind, s.logsFrom(), s.logsTo(),
                    EVENTS_PER_DAY.get(kind), seed(s, kind.name())));
            for (Step step : s.steps()) {
                for (Trace t : step.traces()) {
                    if (t instanceof Trace.Event e && s.logged(kind, e.event().time()) && t.kind() == kind) events.add(e.event());
                }
            }
            events.sort(Comparator.comparing(EvtxEvent::time));   // stable: a step's events stay in their order
            Path file = drive.resolve(kind.evtxPath());
            Files.createDirectories(file.getParent());
            try (EvtxWriter w = EvtxWriter.create(file)) {
                for (EvtxEvent e : events) w.write(e);
            }
        }
    }

    private static long seed(Scenario s, String part) {
        return s.seed() * 1_000_003L + part.hashCode();
    }

    private static void put(Path drive, String drivePath, byte[] content) throws IOException {
        Path file = drive.resolve(drivePath);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
