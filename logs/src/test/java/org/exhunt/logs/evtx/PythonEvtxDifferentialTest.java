package org.exhunt.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.exhunt.core.Record;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxValue;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Files from the testkit writer, read by exhunt and by Debian's python3-evtx ({@code evtx_dump.py}), an
 * independent reader, must give the same events with the same values. The two tools render some types
 * differently (python-evtx: {@code {guid}} in lower case, zero-padded hex, FILETIME with a space, base64
 * binary, {@code True}); values are compared after bringing both to one canonical form per value type,
 * which the test knows from the event descriptions. Two python-evtx bugs are allowed for: it converts
 * FILETIMEs through a float (so times are compared to the millisecond) and writes a SYSTEMTIME's
 * milliseconds as microseconds. python-evtx has no numeric arrays, so none are written.
 */
class PythonEvtxDifferentialTest {

    private static final java.time.Instant T = java.time.Instant.parse("2021-03-02T05:24:53Z");

    @Test
    void writerFilesReadTheSameInExhuntAndPythonEvtx(@TempDir Path dir) throws Exception {
        Path tool = TestEnvironment.tool("evtx_dump.py", "python3-evtx");
        List<EvtxEvent> events = new ArrayList<>();
        Iterator<EvtxEvent> mix = EventSamples.mix(T);
        for (int i = 0; i < 600; i++) events.add(mix.next());   // several chunks
        events.add(EventSamples.oabVirtualDirectoryChopper(T));
        events.add(EventSamples.mailboxImportExportRoleAssignment(T));
        events.add(everyType());
        Path file = dir.resolve("written.evtx");
        Files.write(file, EvtxWriter.toBytes(events));

        List<Map<String, List<String>>> python = pythonEvents(tool, file);
        Evtx exhunt = Evtx.read(file);
        assertThat(exhunt.diagnostics()).isEmpty();
        assertThat(exhunt.records()).hasSameSizeAs(events);
        assertThat(python).hasSameSizeAs(events);

        List<String> differences = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Map<String, Integer> types = types(events.get(i));
            Map<String, List<String>> ours = canonical(fields(exhunt.records().get(i)), types, false);
            Map<String, List<String>> theirs = canonical(python.get(i), types, true);
            if (!ours.equals(theirs)) differences.add("event " + (i + 1) + "\n  exhunt: " + ours + "\n  python: " + theirs);
        }
        assertThat(differences).isEmpty();
    }

    private static EvtxEvent everyType() {
        return EvtxEvent.builder("Test-Provider", "Application", 9, T).layout(EvtxEvent.Layout.EVENTDATA_AS_BINXML)
                .providerGuid("{0197231e-ab9f-67aa-e703-000000000000}").userSid("S-1-5-21-1-2-3-1104").qualifiers(3)
                .activityId("8e521e2b-7c26-0001-417f-9c8e267cdb01")
                .data("s", "text <with> & markup").data("a", EvtxValue.ansi("plain ansi"))
                .data("i8", EvtxValue.int8(-5)).data("u8", EvtxValue.uint8(250))
                .data("i16", EvtxValue.int16(-300)).data("u16", EvtxValue.uint16(65000))
                .data("i32", EvtxValue.int32(-70000)).data("u32", EvtxValue.uint32(4000000000L))
                .data("i64", EvtxValue.int64(-5_000_000_000L)).data("u64", EvtxValue.uint64(Long.MAX_VALUE))
                .data("f32", EvtxValue.real32(0.1f)).data("f64", EvtxValue.real64(2.5e-7))
                .data("b", EvtxValue.bool(false)).data("guid", EvtxValue.guid("0197231e-ab9f-67aa-e703-000000000000"))
                .data("ft", EvtxValue.filetime(java.time.Instant.parse("2020-12-31T23:59:59.123456Z")))
                .data("st", EvtxValue.systemtime(java.time.Instant.parse("2020-12-31T23:59:59.123Z")))
                .data("sid", EvtxValue.sid("S-1-5-32-544")).data("h32", EvtxValue.hex32(255)).data("h64", EvtxValue.hex64(0x3c44cL))
                .unnamedData("unnamed, after the named ones")
                .binary(new byte[] {(byte) 0xd9, 0x06, 0, 0})
                .build();
    }

    /** The value type behind each field name, from the event's description. */
    private static Map<String, Integer> types(EvtxEvent e) {
        Map<String, Integer> types = new HashMap<>(Map.of("Provider_Guid", 0x0f, "Keywords", 0x15,
                "TimeCreated_SystemTime", 0x11, "Correlation_ActivityID", 0x0f, "Correlation_RelatedActivityID", 0x0f,
                "Binary", 0x0e));
        for (EvtxEvent.Data d : e.data()) types.put(d.name() == null ? "Data" : d.name(), d.value().type());
        if (e.userData() != null) e.userData().fields().forEach(d -> types.put(d.name(), d.value().type()));
        return types;
    }

    private static Map<String, List<String>> canonical(Map<String, List<String>> fields, Map<String, Integer> types,
                                                       boolean python) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            int type = types.getOrDefault(name, 0x01);
            out.put(name, values.stream().map(v -> canonical(v, type, python)).toList());
        });
        return out;
    }

    private static String canonical(String v, int type, boolean python) {
        switch (type) {
            case 0x0f: return v.replace("{", "").replace("}", "").toLowerCase(Locale.ROOT);
            case 0x14: case 0x15: return Long.toUnsignedString(Long.parseUnsignedLong(v.substring(2), 16));
            case 0x11: case 0x12:
                String t = v.replace(' ', 'T').replace("Z", "");
                String seconds = t.contains(".") ? t.substring(0, t.indexOf('.')) : t;
                String micros = t.contains(".") ? t.substring(t.indexOf('.') + 1) : "000000";
                String millis = python && type == 0x12 ? micros.substring(3) : micros.substring(0, 3);
                return seconds + "." + millis;
            case 0x0d: return v.toLowerCase(Locale.ROOT);
            case 0x0e: return v.matches("[0-9A-F]*") ? v : HexFormat.of().withUpperCase().formatHex(Base64.getDecoder().decode(v));
            case 0x0b: return Float.toString(Float.parseFloat(v));
            case 0x0c: return Double.toString(Double.parseDouble(v));
            default: return v;
        }
    }

    private static Map<String, List<String>> fields(Record r) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        r.fieldNames().forEach(f -> out.put(f, r.values(f)));
        return out;
    }

    /** evtx_dump.py's XML, each event flattened by the naming rules of docs/record-fields.md. */
    private static List<Map<String, List<String>>> pythonEvents(Path tool, Path file) throws Exception {
        Process p = new ProcessBuilder(tool.toString(), file.toString()).redirectErrorStream(false).start();
        byte[] xml = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml)).getDocumentElement();
        List<Map<String, List<String>>> events = new ArrayList<>();
        for (Element event : children(root)) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (Element section : children(event)) {
                for (Element child : children(section)) {
                    if (section.getTagName().equals("System")) {
                        leaf(child, fields);
                    } else {
                        data(child, fields);
                    }
                }
            }
            events.add(fields);
        }
        return events;
    }

    private static void data(Element e, Map<String, List<String>> fields) {
        if (e.getTagName().equals("Data")) {
            String name = e.getAttribute("Name");
            add(fields, name.isEmpty() ? "Data" : name, e.getTextContent());
        } else if (children(e).isEmpty()) {
            leaf(e, fields);
        } else {
            for (Element child : children(e)) data(child, fields);
        }
    }

    /** A leaf: its text under its name, then its attributes as Element_Attribute; empty ones are absent. */
    private static void leaf(Element e, Map<String, List<String>> fields) {
        String text = e.getTextContent();
        if (!text.isEmpty()) add(fields, e.getTagName(), text);
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            if (!a.getNodeValue().isEmpty() && !a.getNodeName().startsWith("xmlns")) {
                add(fields, e.getTagName() + "_" + a.getNodeName(), a.getNodeValue());
            }
        }
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) out.add(child);
        }
        return out;
    }

    private static void add(Map<String, List<String>> fields, String name, String value) {
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
}
