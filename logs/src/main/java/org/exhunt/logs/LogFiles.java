package org.exhunt.logs;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.exhunt.core.Diagnostic;

/**
 * Opens a log file of any supported format, compressed with gzip or not: the one entry point for the hunt and
 * {@code exhunt dump}. Compression is known by content (the gzip magic bytes), not by name; the format is
 * then chosen by {@link LogReaders} from the decompressed first bytes and the path without {@code .gz}.
 */
public final class LogFiles {

    private static final int BUFFER = 1 << 16;

    private LogFiles() {}

    /**
     * The records of one file, or empty when no reader takes it (the input is then closed).
     *
     * @param path     the file as the user knows it (a server path keeps the folder layout readers look at);
     *                 also how diagnostics and source references name it
     * @param in       the raw content; closed with the returned stream
     * @param problems receives the problems met while reading
     * @throws IOException when the first bytes cannot be read (e.g. a corrupt gzip header)
     */
    public static Optional<RecordStream> open(String path, InputStream in, Consumer<Diagnostic> problems) throws IOException {
        InputStream content = new BufferedInputStream(in, BUFFER);
        try {
            if (isGzip(content)) content = new BufferedInputStream(new GZIPInputStream(content, BUFFER), BUFFER);
            content.mark(LogReaders.HEAD_BYTES);
            byte[] head = content.readNBytes(LogReaders.HEAD_BYTES);
            content.reset();
            Optional<LogReader> reader = LogReaders.forFile(path, head);
            if (reader.isEmpty()) {
                content.close();
                return Optional.empty();
            }
            return Optional.of(reader.get().open(path, content, problems));
        } catch (IOException | RuntimeException e) {
            content.close();
            throw e;
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1F && b1 == 0x8B;
    }
}
