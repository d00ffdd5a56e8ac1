package org.exhunt.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.exhunt.core.Record;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxValue;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.TestAbortedException;

/**
 * Coverage-guided fuzzing (Jazzer) of the reader on mutated logs: the fuzzer picks a base file and a list
 * of patches (bytes, 32-bit values at structure offsets, copied slices, a cut), and both readers must get
 * through it without an exception, an internal error or a hang. Bases are files from the testkit writer
 * (both EventData layouts, UserData, every value type, several chunks) and SigmaHQ's regression logs from the
 * shared corpus. Without the corpus the test fails in CI ({@code CI=true}), like every corpus test
 * ({@link TestEnvironment#corpus}); elsewhere it goes on with the writer's files and says so on the console.
 *
 * <p>{@code ./mvnw test -pl logs -am -Dtest=EvtxFuzzTest} replays the inputs kept under
 * {@code src/test/resources/org/exhunt/logs/evtx/EvtxFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes
 * for the {@code maxDuration} below (CI runs that), and a finding is written there as a new input, which
 * then replays as a regression test. Inputs are patch lists, so those on a corpus base need the corpus.
 */
class EvtxFuzzTest {

    private static List<byte[]> bases;

    /** Before any input: a missing corpus must fail the run in CI, not become a fuzzing finding. */
    @BeforeAll
    static void findBases() {
        bases = bases();
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS)   // per input while fuzzing: a slower one is a hang
    @FuzzTest(maxDuration = "60s")
    void mutatedLogsAreReadWithoutExceptionsOrInternalErrors(FuzzedDataProvider data) {
        byte[] file = mutate(bases.get(data.consumeInt(0, bases.size() - 1)).clone(), data);
        for (EvtxReader reader : List.of(EvtxReader.standard(), EvtxReader.recoveringSlack())) {
            Evtx read = Evtx.read(file, reader);
            assertThat(read.codes()).doesNotContain("evtx.record.unexpected");
            for (Record r : read.records()) {
                r.raw();
                r.time();
                r.fieldNames().forEach(r::values);
            }
        }
    }

    private static byte[] mutate(byte[] file, FuzzedDataProvider data) {
        int patches = data.consumeInt(1, 8);
        for (int i = 0; i < patches && data.remainingBytes() > 0 && file.length > 0; i++) {
            int at = data.consumeInt(0, file.length - 1);
            switch (data.consumeInt(0, 3)) {
                case 0 -> file[at] = data.consumeByte();
                case 1 -> {
                    int v = data.pickValue(new int[] {0, 1, -1, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 512, 4096,
                            65536, 65535, data.consumeInt()});
                    for (int k = 0; k < 4 && at + k < file.length; k++) file[at + k] = (byte) (v >>> (8 * k));
                }
                case 2 -> {
                    int from = data.consumeInt(0, file.length - 1);
                    int length = Math.min(data.consumeInt(1, 4096), Math.min(file.length - from, file.length - at));
                    System.arraycopy(file, from, file, at, length);
                }
                default -> file = java.util.Arrays.copyOf(file, at);
            }
        }
        return file;
    }

    /** Writer files first (always there, always in this order), then the corpus's regression logs. */
    private static List<byte[]> bases() {
        Instant t = Instant.parse("2021-03-02T05:24:53.092051Z");
        List<byte[]> bases = new ArrayList<>();
        bases.add(EvtxWriter.toBytes(List.of(EventSamples.securityLsassDump(t), EventSamples.mailboxExportToWebRoot(t),
                EventSamples.sysmonUmWorkerWritesAspx(t), everyType(t))));
        Iterator<EvtxEvent> mix = EventSamples.mix(t);
        List<EvtxEvent> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) many.add(mix.next());
        bases.add(EvtxWriter.toBytes(many));
        Path regression;
        try {
            regression = TestEnvironment.corpus("sigma/regression");   // fails in CI when absent
        } catch (TestAbortedException absent) {
            System.err.println("EvtxFuzzTest: fuzzing from the " + bases.size() + " writer files only, without SigmaHQ's"
                    + " regression logs (" + absent.getMessage().replaceFirst("^skipped: ", "") + ")");
            return bases;
        }
        try (Stream<Path> files = Files.walk(regression)) {
            List<Path> logs = files.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
            assertThat(logs).as("SigmaHQ's regression logs under " + regression).isNotEmpty();
            for (Path p : logs) bases.add(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bases;
    }

    private static EvtxEvent everyType(Instant t) {
        return EvtxEvent.builder("Fuzz", "Fuzz/Operational", 1, t).activityId("8e521e2b-7c26-0001-417f-9c8e267cdb01")
                .userData("U", "urn:fuzz", List.of(
                        new EvtxEvent.Data("s", EvtxValue.strings("a", "", "b")),
                        new EvtxEvent.Data("n", EvtxValue.array(EvtxValue.uint16(1), EvtxValue.uint16(2))),
                        new EvtxEvent.Data("g", EvtxValue.array(EvtxValue.guid("0197231e-ab9f-67aa-e703-000000000000"),
                                EvtxValue.guid("8e521e2b-7c26-0001-417f-9c8e267cdb01"))),
                        new EvtxEvent.Data("f", EvtxValue.real64(0.1)), new EvtxEvent.Data("st", EvtxValue.systemtime(t)),
                        new EvtxEvent.Data("sid", EvtxValue.array(EvtxValue.sid("S-1-5-18"), EvtxValue.sid("S-1-5-32-544"))),
                        new EvtxEvent.Data("a", EvtxValue.ansi("ansi")), new EvtxEvent.Data("b", EvtxValue.binary(new byte[] {1, 2}))))
                .build();
    }
}
