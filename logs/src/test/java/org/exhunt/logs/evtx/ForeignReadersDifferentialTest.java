package org.exhunt.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.exhunt.core.Record;
import org.exhunt.testkit.evtx.EvtxDamage;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.exhunt.testkit.image.ImageBuilder;
import org.exhunt.testkit.image.LargeScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test kit's event logs open in EVTX readers written by other hands, and read there as in exhunt: Debian's
 * python3-evtx ({@code evtx_dump.py}) and libevtx ({@code evtxexport}, the library behind plaso), which reads real
 * Windows logs and stops at the first record whose encoding Windows would not produce. Each must export every
 * record, with the same System values (EventID, provider, time, record id, channel, computer, level, task,
 * keywords, process and thread, user SID...) and the same EventData or UserData names and values as exhunt's
 * reader gives them to {@code exhunt dump}, compared after bringing both renderings of a value type to one form
 * ({@link ForeignReader}). Skipped without the tools, failed in CI.
 */
class ForeignReadersDifferentialTest {

    private static final Map<String, Integer> TYPES = EveryShapeLog.types(
            Stream.concat(EveryShapeLog.events().stream(), EveryShapeLog.beyondPythonEvtx().stream()).toList());

    private static final List<ForeignReader> BOTH = List.of(new Libevtx(), new PythonEvtx());

    @Test
    void everyShapeOfTheTestKitReadsTheSameInLibevtxPythonEvtxAndExhunt(@TempDir Path dir) throws Exception {
        List<EvtxEvent> events = EveryShapeLog.events();
        Path file = dir.resolve("every-shape.evtx");
        List<Record> ours = writtenAndReadTheSame(file, events, BOTH);
        for (int i = 0; i < events.size(); i++) {
            Record r = ours.get(i);
            assertThat(List.of(r.field("EventRecordID"), r.field("EventID"), r.field("Provider_Name")))
                    .containsExactly(Integer.toString(i + 1), Integer.toString(events.get(i).eventId()), events.get(i).provider());
        }
        assertThat((Files.size(file) - EvtxDamage.HEADER) / EvtxDamage.CHUNK).as("chunks: each defines its templates and names")
                .isGreaterThan(3);
    }

    @Test
    void arraysAndAnsiTextReadTheSameInLibevtxAndExhunt(@TempDir Path dir) throws Exception {
        List<Record> ours = writtenAndReadTheSame(dir.resolve("beyond-python-evtx.evtx"), EveryShapeLog.beyondPythonEvtx(),
                List.of(new Libevtx()));
        assertThat(ours.get(0).values("Ports")).as("an array repeats its element").containsExactly("80", "443");
    }

    @Test
    void aChunkFullToItsLastBytesReadsTheSameInLibevtxPythonEvtxAndExhunt(@TempDir Path dir) throws Exception {
        writtenAndReadTheSame(dir.resolve("full-chunk.evtx"), EveryShapeLog.fillingAChunk(), BOTH);
    }

    @Test
    void theExampleImagesLogsReadTheSameInLibevtxPythonEvtxAndExhunt() throws Exception {
        Path examples = Path.of(System.getProperty("exhunt.root", ".."), "examples");
        List<Path> logs = eventLogsUnder(examples);
        assertThat(logs).as("event logs under " + examples.toAbsolutePath()).hasSizeGreaterThan(10);
        for (Path log : logs) {
            List<Record> ours = readWithoutDiagnostics(log);
            assertThat(ours).as(log.toString()).isNotEmpty();
            for (ForeignReader reader : BOTH) assertSameEvents(reader, log, ours);
        }
    }

    /**
     * The scan benchmark's image (bench/hunt.sh) writes its event logs with the test kit's everyday events around
     * the intrusions' (every provider and shape the bench's 139,838 events have), here at a small size.
     */
    @Test
    void theBenchmarkImagesLogsReadTheSameInLibevtxPythonEvtxAndExhunt(@TempDir Path dir) throws Exception {
        ImageBuilder.write(LargeScenarios.twoIntrusions(300, 6L << 20), dir);
        List<Path> logs = eventLogsUnder(dir);
        assertThat(logs).as("the image's event logs").hasSizeGreaterThanOrEqualTo(4);
        int events = 0;
        for (Path log : logs) {
            List<Record> ours = readWithoutDiagnostics(log);
            events += ours.size();
            for (ForeignReader reader : BOTH) assertSameEvents(reader, log, ours);
        }
        assertThat(events).as("events compared").isGreaterThan(1_000);
    }

    private static List<Path> eventLogsUnder(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
        }
    }

    private static void assertSameEvents(ForeignReader reader, Path file, List<Record> ours) throws Exception {
        List<Map<String, List<String>>> theirs = reader.read(file);
        assertThat(theirs.size()).as(reader.name() + " exports every record of " + file).isEqualTo(ours.size());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            String provider = ours.get(i).field("Provider_Name");
            Map<String, List<String>> a = fields(ours.get(i));
            Map<String, List<String>> b = theirs.get(i);
            TreeSet<String> names = new TreeSet<>(a.keySet());
            names.addAll(b.keySet());
            StringBuilder different = new StringBuilder();
            for (String name : names) {
                if (!same(a.get(name), b.get(name), EveryShapeLog.type(TYPES, provider, name), reader)) {
                    different.append("\n  ").append(name).append(": exhunt ").append(a.get(name)).append(", ")
                            .append(reader.name()).append(' ').append(b.get(name));
                }
            }
            if (different.length() > 0) differences.add("record " + (i + 1) + ":" + different);
        }
        assertThat(differences).as(file + ": exhunt and " + reader.name()).isEmpty();
    }

    /** The same values in the same order (a field one side lacks is null). */
    private static boolean same(List<String> ours, List<String> theirs, int type, ForeignReader reader) {
        if (ours == null || theirs == null) return ours == theirs;
        if (ours.size() != theirs.size()) return false;
        for (int i = 0; i < ours.size(); i++) {
            if (!reader.same(ours.get(i), theirs.get(i), type)) return false;
        }
        return true;
    }

    /** Writes the events to {@code file}; exhunt reads each of them, and every reader reads them as exhunt does. */
    private static List<Record> writtenAndReadTheSame(Path file, List<EvtxEvent> events, List<ForeignReader> readers)
            throws Exception {
        try (EvtxWriter writer = EvtxWriter.create(file)) {
            for (EvtxEvent e : events) writer.write(e);
        }
        List<Record> ours = readWithoutDiagnostics(file);
        assertThat(ours).hasSameSizeAs(events);
        for (ForeignReader reader : readers) assertSameEvents(reader, file, ours);
        return ours;
    }

    private static List<Record> readWithoutDiagnostics(Path file) {
        Evtx read = Evtx.read(file);
        assertThat(read.diagnostics()).as(file.toString()).isEmpty();
        return read.records();
    }

    private static Map<String, List<String>> fields(Record r) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        r.fieldNames().forEach(f -> out.put(f, r.values(f)));
        return out;
    }
}
