package org.exhunt.hunt.history;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of an installer's text log, whatever its encoding: UTF-16 (Windows Installer writes its verbose logs so
 * when asked for a Unicode log) by its byte-order mark or by the zero bytes of ASCII text in it, else UTF-8 (a setup
 * log's ASCII included), undecodable bytes replaced. The file is attacker-controlled: a line is cut at
 * {@link #MAX_LINE} characters and the rest of it skipped, so that memory stays bounded.
 */
final class TextLines implements AutoCloseable {

    static final int MAX_LINE = 8192;

    private final Reader in;
    private final StringBuilder line = new StringBuilder();
    private long number;

    TextLines(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        Charset charset = StandardCharsets.UTF_8;
        if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            in.skipNBytes(2);
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            in.skipNBytes(2);
        } else if (b0 > 0 && b1 == 0) {
            charset = StandardCharsets.UTF_16LE;   // ASCII text in UTF-16LE without a mark
        }
        this.in = new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** The next line without its end, or null at the end of the text. */
    String next() throws IOException {
        line.setLength(0);
        int c = in.read();
        if (c < 0) return null;
        while (c >= 0 && c != '\n') {
            if (line.length() < MAX_LINE) line.append((char) c);
            c = in.read();
        }
        number++;
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
        if (number == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') line.deleteCharAt(0);
        return line.toString();
    }

    /** The 1-based number of the line {@link #next} returned last. */
    long number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
