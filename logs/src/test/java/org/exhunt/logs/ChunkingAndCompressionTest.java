package org.exhunt.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden inputs read again in other shapes must give the very same records and diagnostics: delivered a
 * few bytes at a time (lines and quoted values cut at every possible place by the reads), and gzip-compressed
 * (recognised by content, the name with or without {@code .gz}). An input kept compressed ({@code x.LOG.gz})
 * is compared with its own content read plain.
 */
class ChunkingAndCompressionTest {

    static Stream<Path> inputs() throws IOException, URISyntaxException {
        Path root = Path.of(ChunkingAndCompressionTest.class.getResource("/golden").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(GoldenTest.SUFFIX)).sorted()
                    .map(e -> {
                        try {
                            return root.relativize(GoldenTest.inputFor(e));
                        } catch (IOException x) {
                            throw new java.io.UncheckedIOException(x);
                        }
                    }).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void readsTheSameWhateverTheReadSizes(Path input) throws Exception {
        byte[] content = plain(input);
        List<ObjectNode> whole = Dump.of(plainName(input), new ByteArrayInputStream(content));
        for (int step : new int[] {1, 2, 3, 7, 64}) {
            assertThat(Dump.of(plainName(input), new Trickle(new ByteArrayInputStream(content), step)))
                    .as("read %d bytes at a time", step).isEqualTo(whole);
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void readsGzipLikeThePlainFile(Path input) throws Exception {
        byte[] content = plain(input);
        List<ObjectNode> plain = Dump.of(plainName(input), new ByteArrayInputStream(content));
        byte[] gz = gzip(content);
        assertThat(Dump.of(plainName(input) + ".gz", new ByteArrayInputStream(gz))).isEqualTo(plain);
        assertThat(Dump.of(plainName(input) + ".gz", new Trickle(new ByteArrayInputStream(gz), 5))).isEqualTo(plain);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void aTruncatedGzipIsReportedAsNotFullyRead(Path input) throws Exception {
        byte[] gz = gzip(plain(input));
        byte[] cut = Arrays.copyOf(gz, gz.length - 12);   // the trailer and some data gone
        List<ObjectNode> out;
        try {
            out = Dump.of(plainName(input) + ".gz", new ByteArrayInputStream(cut));
        } catch (IOException e) {
            // what was left is too little to tell the format: the open itself fails, for the caller to report
            assertThat(e).hasMessageContaining("end of ZLIB input stream");
            return;
        }
        assertThat(out).anySatisfy(o -> {
            assertThat(o.path("diagnostic").asText()).isEqualTo("log.read-failed");
            assertThat(o.path("level").asText()).isEqualTo("error");
        });
        assertThat(out.get(out.size() - 1).path("complete").asBoolean(true)).isFalse();
    }

    static byte[] content(Path relative) throws IOException, URISyntaxException {
        Path root = Path.of(ChunkingAndCompressionTest.class.getResource("/golden").toURI());
        return Files.readAllBytes(root.resolve(relative));
    }

    /** The input's content, decompressed when it is kept compressed. */
    static byte[] plain(Path relative) throws IOException, URISyntaxException {
        byte[] content = content(relative);
        if (!relative.toString().endsWith(".gz")) return content;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return in.readAllBytes();
        }
    }

    static String plainName(Path relative) {
        String name = relative.toString();
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    /** Gives at most {@code step} bytes per read. */
    static final class Trickle extends FilterInputStream {
        private final int step;

        Trickle(InputStream in, int step) {
            super(in);
            this.step = step;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, step));
        }
    }
}
