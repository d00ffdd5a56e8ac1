package org.exhunt.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.exhunt.core.IsoTime;
import org.exhunt.core.Record;

/**
 * Records as JSON lines, what {@code exhunt dump} prints: one object per record, in the order given,
 * <pre>{"type":"iis","time":"2021-03-03T00:00:12Z","source":{"file":"u_ex210303.log","line":5},"fields":{"date":"2021-03-03",…}}</pre>
 * {@code time} is left out when the record has none; a field with several values is an array; {@code raw}
 * (the text the record was read from) only when asked for. Field values are written as read, JSON-escaped.
 */
public final class RecordJsonl implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final JsonGenerator g;
    private final boolean withRaw;

    public RecordJsonl(Writer out, boolean withRaw) throws IOException {
        this.out = out;
        this.withRaw = withRaw;
        this.g = JSON.createGenerator(out);
        g.setRootValueSeparator(null); // lines are separated by '\n' below, not by Jackson's default space
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    }

    public void write(Record r) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", r.type());
        if (r.time() != null) g.writeStringField("time", IsoTime.format(r.time()));
        JsonlReport.source(g, r.source());
        g.writeObjectFieldStart("fields");
        for (String name : r.fieldNames()) {
            List<String> values = r.values(name);
            if (values.size() == 1) {
                g.writeStringField(name, values.get(0));
            } else {
                g.writeArrayFieldStart(name);
                for (String v : values) g.writeString(v);
                g.writeEndArray();
            }
        }
        g.writeEndObject();
        if (withRaw) g.writeStringField("raw", r.raw());
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }

    /** Flushes what was written; the writer itself stays open. */
    @Override
    public void close() throws IOException {
        g.close();
        out.flush();
    }
}
