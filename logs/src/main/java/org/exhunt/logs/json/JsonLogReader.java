package org.exhunt.logs.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Limits;
import org.exhunt.core.MapRecord;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.exhunt.logs.LogReader;
import org.exhunt.logs.RecordStream;

/**
 * Reads JSON records: one object per line (JSON Lines), or objects one after another in any layout (pretty
 * printed, as SigmaHQ's regression data). A syntax error is reported with its line and ends the file's reading
 * (the stream is then incomplete), since where the next object starts cannot be known in general; a top-level
 * value that is not an object is reported and skipped. Each record's {@link SourceRef} is the line where its
 * object starts.
 */
public final class JsonLogReader implements LogReader {

    public static final String CODE = "json.syntax";

    /** The record type of JSON records. */
    public static final String TYPE = "json";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Limits.JSON_NESTING)
                    .maxStringLength(Limits.JSON_RECORD_CHARS)
                    .build())
            .build());

    @Override
    public String format() {
        return TYPE;
    }

    @Override
    public boolean recognizes(String path, byte[] head) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) return true;
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < head.length && Character.isWhitespace(head[i])) i++;
        return i < head.length && head[i] == '{';
    }

    @Override
    public RecordStream open(String name, InputStream in, Consumer<Diagnostic> problems) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        skipBom(buffered);
        Reader reader = new InputStreamReader(buffered, StandardCharsets.UTF_8);
        JsonParser parser = MAPPER.createParser(reader);
        return new Stream(name, parser, problems);
    }

    private static void skipBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF)) in.reset();
    }

    /** Objects pulled one at a time. */
    private static final class Stream implements RecordStream {
        private final String name;
        private final JsonParser parser;
        private final Consumer<Diagnostic> problems;
        private Record next;
        private boolean done;
        private boolean complete = true;

        Stream(String name, JsonParser parser, Consumer<Diagnostic> problems) {
            this.name = name;
            this.parser = parser;
            this.problems = problems;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) advance();
            return next != null;
        }

        @Override
        public Record next() {
            if (!hasNext()) throw new NoSuchElementException();
            Record r = next;
            next = null;
            return r;
        }

        private void advance() {
            long line = -1;
            try {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    done = true;
                    return;
                }
                JsonLocation start = parser.currentTokenLocation();
                line = start.getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    problems.accept(Diagnostic.warning(CODE, SourceRef.line(name, line), "a JSON " + t.asString()
                            + " where an object was expected; skipped"));
                    parser.skipChildren();
                    return;
                }
                JsonNode node = MAPPER.readTree(parser);
                SourceRef where = SourceRef.line(name, line);
                next = MapRecord.withRepeats(TYPE, Flattener.flatten(node), node.toString(), Times.of(node), where);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                long errLine = at == null ? line : at.getLineNr();
                problems.accept(Diagnostic.error(CODE, SourceRef.line(name, errLine),
                        "not valid JSON: " + e.getOriginalMessage() + "; the rest of the file was not read"));
                complete = false;
                done = true;
            } catch (IOException e) {
                problems.accept(Diagnostic.error("json.io", SourceRef.file(name), "read failed: " + e.getMessage()));
                complete = false;
                done = true;
            }
        }

        @Override
        public boolean complete() {
            return complete;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
