package org.exhunt.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Record;

/**
 * The test view of what a reader makes of a file, in the shape of the hand-written {@code *.expected.jsonl}:
 * one object per record ({@code type}, {@code line}, {@code time}, {@code fields}; a field with several values
 * as an array) and one per diagnostic ({@code diagnostic}, {@code level}, {@code line}), in the order they
 * came; then {@code {"complete": false}} when reading stopped early, or {@code {"unrecognized": true}}.
 */
final class Dump {

    static final ObjectMapper JSON = new ObjectMapper();

    private Dump() {}

    static List<ObjectNode> of(String path, InputStream in) throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        Optional<RecordStream> opened = LogFiles.open(path, in, d -> out.add(diagnostic(d)));
        if (opened.isEmpty()) {
            out.add(JSON.createObjectNode().put("unrecognized", true));
            return out;
        }
        try (RecordStream records = opened.get()) {
            while (records.hasNext()) out.add(record(records.next()));
            if (!records.complete()) out.add(JSON.createObjectNode().put("complete", false));
        }
        return out;
    }

    static ObjectNode record(Record r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", r.type());
        o.put("line", r.source().line());
        if (r.time() != null) o.put("time", r.time().toString());
        ObjectNode fields = o.putObject("fields");
        for (String name : r.fieldNames()) {
            List<String> values = r.values(name);
            if (values.size() == 1) {
                fields.put(name, values.get(0));
            } else {
                ArrayNode a = fields.putArray(name);
                values.forEach(a::add);
            }
        }
        return o;
    }

    static ObjectNode diagnostic(Diagnostic d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("diagnostic", d.code());
        o.put("level", d.level().name().toLowerCase(Locale.ROOT));
        if (d.where().hasLine()) o.put("line", d.where().line());
        return o;
    }
}
