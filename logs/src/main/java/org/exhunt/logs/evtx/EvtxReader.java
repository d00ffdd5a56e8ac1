package org.exhunt.logs.evtx;

import java.io.InputStream;
import java.util.Locale;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.logs.LogReader;
import org.exhunt.logs.RecordStream;

/**
 * Windows XML event logs ({@code .evtx}): Application, Security, System, Sysmon, MSExchange Management...
 * Records are the events, with fields named as docs/record-fields.md says for type {@code evtx}.
 *
 * <p>Takes files that start with the EVTX file signature, and files named {@code *.evtx} whatever their
 * first bytes, so that a damaged header is reported rather than the file passed over.
 */
public final class EvtxReader implements LogReader {

    /** The format name and record type. */
    public static final String FORMAT = "evtx";

    private final boolean recoverSlack;

    private EvtxReader(boolean recoverSlack) {
        this.recoverSlack = recoverSlack;
    }

    /** Reads each chunk's records as the chunk header lists them. */
    public static EvtxReader standard() {
        return new EvtxReader(false);
    }

    /**
     * Also reads records found in chunk slack (space after a chunk's last record: older events of a reused
     * chunk, events not yet listed in a live log's header) and in blocks that are not valid chunks. Each
     * record id is read once per chunk; recovered records are reported as such.
     */
    public static EvtxReader recoveringSlack() {
        return new EvtxReader(true);
    }

    @Override
    public LogReader recovering() {
        return recoverSlack ? this : recoveringSlack();
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(String path, byte[] head) {
        if (path.toLowerCase(Locale.ROOT).endsWith(".evtx")) return true;
        return FileHeader.hasSignature(head);
    }

    @Override
    public RecordStream open(String name, InputStream in, Consumer<Diagnostic> problems) {
        return new EvtxStream(name, in, problems, recoverSlack);
    }
}
