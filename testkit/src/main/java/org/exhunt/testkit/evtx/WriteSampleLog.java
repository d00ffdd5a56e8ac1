package org.exhunt.testkit.evtx;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;

/**
 * Writes an EVTX file of the attack-event mix ({@link EventSamples#mix}) with as many events as asked:
 * {@code WriteSampleLog FILE EVENTS}. For benchmarks and example images.
 */
public final class WriteSampleLog {

    private WriteSampleLog() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: WriteSampleLog FILE EVENTS");
            System.exit(2);
        }
        long count = Long.parseLong(args[1]);
        Iterator<EvtxEvent> events = EventSamples.mix(Instant.parse("2021-03-01T00:00:00Z"));
        try (EvtxWriter writer = EvtxWriter.create(Path.of(args[0]))) {
            for (long i = 0; i < count; i++) writer.write(events.next());
        }
    }
}
