package org.exhunt.logs;

import java.util.List;
import java.util.Optional;
import org.exhunt.logs.evtx.EvtxReader;
import org.exhunt.logs.exchange.ExchangeLogKind;
import org.exhunt.logs.exchange.ExchangeLogReader;
import org.exhunt.logs.exchange.OabGeneratorLogReader;
import org.exhunt.logs.iis.IisLogReader;
import org.exhunt.logs.json.JsonLogReader;

/**
 * The registry of log formats exhunt reads. Adding a format is one reader class and one line here; the
 * first reader that recognizes a file takes it, so specific readers come before catch-alls.
 */
public final class LogReaders {

    /** How many leading bytes {@link LogReader#recognizes} gets to look at. */
    public static final int HEAD_BYTES = 4096;

    private static final List<LogReader> ALL = List.of(
            EvtxReader.standard(),
            new ExchangeLogReader(ExchangeLogKind.HTTPPROXY),
            new ExchangeLogReader(ExchangeLogKind.ECP_SERVER),
            new ExchangeLogReader(ExchangeLogKind.ECP_ACTIVITY),
            new ExchangeLogReader(ExchangeLogKind.EWS),
            new ExchangeLogReader(ExchangeLogKind.RPS),
            new ExchangeLogReader(ExchangeLogKind.MESSAGE_TRACKING),
            new OabGeneratorLogReader(),
            new IisLogReader(),
            new ExchangeLogReader(ExchangeLogKind.OTHER),
            new JsonLogReader()
    );

    private LogReaders() {}

    public static List<LogReader> all() {
        return ALL;
    }

    /** The reader for a file, if any format recognizes it. */
    public static Optional<LogReader> forFile(String path, byte[] head) {
        return ALL.stream().filter(r -> r.recognizes(path, head)).findFirst();
    }
}
