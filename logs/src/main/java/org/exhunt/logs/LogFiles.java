package org.exhunt.logs;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
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
        return open(path, path, in, problems);
    }

    /**
     * The records of one file whose place on the server and name for the user differ (a file of a server image
     * read from a copy or an archive).
     *
     * @param serverPath where the file lies on the server, '/'-separated: readers recognise formats by its folders
     * @param name       how diagnostics and source references name the file
     */
    public static Optional<RecordStream> open(String serverPath, String name, InputStream in,
                                              Consumer<Diagnostic> problems) throws IOException {
        return open(serverPath, name, in, problems, false);
    }

    /**
     * The records of one file, with {@code recover}: also the records it holds besides those it lists
     * ({@link LogReader#recovering()}: EVTX chunk slack), reported as recovered.
     */
    public static Optional<RecordStream> open(String serverPath, String name, InputStream in,
                                              Consumer<Diagnostic> problems, boolean recover) throws IOException {
        InputStream content = new BufferedInputStream(in, BUFFER);
        try {
            if (isGzip(content)) content = new BufferedInputStream(new GZIPInputStream(content, BUFFER), BUFFER);
            byte[] head = new byte[LogReaders.HEAD_BYTES];
            int n = 0;
            IOException failure = null;
            try {
                for (int r; n < head.length && (r = content.read(head, n, head.length - n)) >= 0; ) n += r;
            } catch (IOException e) {
                failure = e;   // a short or corrupt file: recognise it by what was read, let the reader report the rest
            }
            head = Arrays.copyOf(head, n);
            Optional<LogReader> reader = LogReaders.forFile(serverPath, head).map(r -> recover ? r.recovering() : r);
            if (reader.isEmpty()) {
                if (failure != null) throw failure;
                content.close();
                return Optional.empty();
            }
            InputStream rest = failure == null ? content : new Failing(failure, content);
            return Optional.of(reader.get().open(name, new SequenceInputStream(new ByteArrayInputStream(head), rest), problems));
        } catch (IOException | RuntimeException e) {
            content.close();
            throw e;
        }
    }

    /** Fails every read with the failure met while the head was read, so that the reader reports it in place. */
    private static final class Failing extends InputStream {
        private final IOException failure;
        private final InputStream source;

        Failing(IOException failure, InputStream source) {
            this.failure = failure;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            throw new IOException(failure.getMessage(), failure);
        }

        @Override
        public void close() throws IOException {
            source.close();
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
