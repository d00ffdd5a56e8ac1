package org.exhunt.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.exhunt.core.testing.TestEnvironment;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An EVTX reader written by other hands, run as the Debian tool that packages it: the events it exports, each
 * flattened into fields by the naming rules of docs/record-fields.md, and whether its rendering of a value and
 * exhunt's are the same value (the two render GUIDs, hex, times and floats differently, each correctly).
 */
abstract class ForeignReader {

    private final String tool;
    private final String debianPackage;

    ForeignReader(String tool, String debianPackage) {
        this.tool = tool;
        this.debianPackage = debianPackage;
    }

    /** The tool's name, for messages. */
    final String name() {
        return tool;
    }

    /** The tool's command line exporting {@code file} as XML. */
    abstract List<String> command(Path executable, Path file);

    /** The tool's standard output as one XML document. */
    abstract String document(String output);

    /** Whether exhunt's rendering of a value of {@code type} and this reader's are the same value. */
    abstract boolean same(String ours, String theirs, int type);

    /**
     * The events of {@code file}, in file order, as fields. The tool must succeed without a word on standard error:
     * a record it cannot read fails the test (libevtx stops at it). Skips (fails in CI) without the tool.
     */
    final List<Map<String, List<String>>> read(Path file) throws IOException, InterruptedException {
        Path executable = TestEnvironment.tool(tool, debianPackage);
        File errors = File.createTempFile("exhunt-" + tool, ".stderr");
        try {
            Process p = new ProcessBuilder(command(executable, file)).redirectError(errors).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(tool + " finishes").isTrue();
            String stderr = Files.readString(errors.toPath(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(tool + " " + file + ":\n" + stderr).isZero();
            assertThat(stderr).as(tool + " " + file).isEmpty();
            return events(document(output));
        } finally {
            Files.deleteIfExists(errors.toPath());
        }
    }

    private static List<Map<String, List<String>>> events(String xml) {
        Element root;
        try {
            root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + e.getMessage() + "\n" + xml, e);
        }
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

    /** {@code <Data Name="X">} as X, unnamed Data as Data (empty ones too); other leaves by their name. */
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

    // Forms both renderings of a value are brought to.

    /** A GUID without braces, in lower case. */
    static String guid(String v) {
        return v.replace("{", "").replace("}", "").toLowerCase(Locale.ROOT);
    }

    /** A {@code 0x} hexadecimal integer, padded or not, as an unsigned decimal. */
    static String hex(String v) {
        return Long.toUnsignedString(Long.parseUnsignedLong(v.substring(2), 16));
    }

    /** A date and time, with {@code T} or a space before the time, any number of fraction digits, {@code Z} or none. */
    static Instant instant(String v) {
        String t = v.replace(' ', 'T');
        return LocalDateTime.parse(t.endsWith("Z") ? t.substring(0, t.length() - 1) : t).toInstant(ZoneOffset.UTC);
    }
}
