package org.exhunt.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.exhunt.core.Record;
import org.exhunt.core.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's oracle: every {@code .evtx} in SigmaHQ's regression data has beside it the JSON that the Rust
 * {@code evtx_dump} made of it (several concatenated objects when the file holds several events). Each
 * event exhunt reads must carry exactly the System, EventData and UserData values of that JSON, under the
 * names docs/record-fields.md gives, with the same text. The one difference by design: times keep the seven digits
 * of a FILETIME's 100 ns, where evtx_dump cuts them to microseconds; they are compared cut to six, and the corpus
 * must show the seventh digit somewhere (else the test would not see it kept).
 */
class SigmaRegressionCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A time as exhunt writes an event's: the part evtx_dump writes, then the seventh digit. */
    private static final Pattern HUNDRED_NS = Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6})(\\d)Z");

    @Test
    void everyRegressionEventMatchesItsEvtxDumpRendering() throws IOException {
        Path root = TestEnvironment.corpus("sigma/regression");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(90);

        List<String> mismatches = new ArrayList<>();
        int events = 0;
        int seventhDigits = 0;
        for (Path evtx : files) {
            String name = root.relativize(evtx).toString();
            Path json = Path.of(evtx.toString().replaceAll("\\.evtx$", ".json"));
            Map<String, Map<String, List<String>>> expected = expectedEvents(json);
            Evtx read = Evtx.read(evtx);
            if (!read.errors().isEmpty()) mismatches.add(name + ": " + read.errors());
            if (read.records().size() != expected.size()) {
                mismatches.add(name + ": " + read.records().size() + " events read, " + expected.size() + " in the JSON");
            }
            for (Record record : read.records()) {
                events++;
                Map<String, List<String>> want = expected.get(record.field("EventRecordID"));
                if (want == null) {
                    mismatches.add(name + ": event " + record.field("EventRecordID") + " is not in the JSON");
                    continue;
                }
                Map<String, List<String>> got = new LinkedHashMap<>();
                for (String f : record.fieldNames()) {
                    List<String> values = new ArrayList<>();
                    for (String v : record.values(f)) {
                        Matcher time = HUNDRED_NS.matcher(v);
                        if (!time.matches()) {
                            values.add(v);
                            continue;
                        }
                        if (time.group(2).charAt(0) != '0') seventhDigits++;
                        values.add(time.group(1) + "Z");
                    }
                    got.put(f, values);
                }
                if (!got.equals(want)) mismatches.add(name + " #" + record.field("EventRecordID") + "\n  read: " + got + "\n  json: " + want);
            }
        }
        assertThat(mismatches).as("differences from evtx_dump's JSON").isEmpty();
        assertThat(seventhDigits).as("times whose seventh digit evtx_dump dropped").isGreaterThan(0);
        assertThat(events).isGreaterThanOrEqualTo(110);
    }

    /** The JSON file's events by EventRecordID, each flattened to the field names of docs/record-fields.md. */
    private static Map<String, Map<String, List<String>>> expectedEvents(Path json) throws IOException {
        Map<String, Map<String, List<String>>> events = new LinkedHashMap<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(json.toFile())) {
            while (it.hasNext()) {
                JsonNode event = it.next().get("Event");
                Map<String, List<String>> fields = new LinkedHashMap<>();
                event.get("System").fields().forEachRemaining(e -> element(e.getKey(), e.getValue(), fields));
                JsonNode data = event.get("EventData");
                if (data != null && data.isObject()) {
                    data.fields().forEachRemaining(e -> {
                        if (e.getKey().equals("#attributes")) {
                            attributes("EventData", e.getValue(), fields);
                        } else if (e.getKey().equals("Data") && e.getValue().isObject()) {
                            JsonNode text = e.getValue().get("#text");
                            if (text.isArray()) text.forEach(t -> add(fields, "Data", t)); else add(fields, "Data", text);
                        } else {
                            element(e.getKey(), e.getValue(), fields);
                        }
                    });
                }
                JsonNode userData = event.get("UserData");
                if (userData != null && userData.isObject()) {
                    userData.fields().forEachRemaining(e -> element(e.getKey(), e.getValue(), fields));
                }
                events.put(fields.get("EventRecordID").get(0), fields);
            }
        }
        return events;
    }

    /** An element: its text under its name, attributes as Name_Attribute, child elements recursively. */
    private static void element(String name, JsonNode value, Map<String, List<String>> fields) {
        if (value.isNull()) return;
        if (!value.isObject()) {
            add(fields, name, value);
            return;
        }
        value.fields().forEachRemaining(e -> {
            switch (e.getKey()) {
                case "#attributes" -> attributes(name, e.getValue(), fields);
                case "#text" -> add(fields, name, e.getValue());
                default -> element(e.getKey(), e.getValue(), fields);
            }
        });
    }

    private static void attributes(String element, JsonNode attributes, Map<String, List<String>> fields) {
        attributes.fields().forEachRemaining(a -> {
            if (!a.getKey().equals("xmlns")) add(fields, element + "_" + a.getKey(), a.getValue());
        });
    }

    private static void add(Map<String, List<String>> fields, String name, JsonNode value) {
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value.asText());
    }
}
