package org.exhunt.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Limits;
import org.junit.jupiter.api.Test;

/**
 * (event tree, fields) pairs for the naming rules of docs/record-fields.md, on trees built node by node,
 * so that shapes the writer does not produce (RenderingInfo, nested UserData, entity references) are
 * covered too; and the XML text of the same trees.
 */
class FieldNamingTest {

    @Test
    void forwardedEventKeepsRenderingInfoApartFromSystem() {
        Fragment event = event(
                el("System", el("EventID", text("4624")), el("Level", text("0"))),
                el("EventData", el("Data", attr("Name", "LogonType"), text("3"))),
                el("RenderingInfo", attr("Culture", "en-US"),
                        el("Message", text("An account was successfully logged on.")),
                        el("Level", text("Information")),
                        el("Keywords", el("Keyword", text("Audit Success")))));
        assertThat(fields(event)).containsExactly(
                Map.entry("EventID", List.of("4624")),
                Map.entry("Level", List.of("0")),
                Map.entry("LogonType", List.of("3")),
                Map.entry("RenderingInfo_Culture", List.of("en-US")),
                Map.entry("RenderingInfo_Message", List.of("An account was successfully logged on.")),
                Map.entry("RenderingInfo_Level", List.of("Information")),
                Map.entry("RenderingInfo_Keyword", List.of("Audit Success")));
    }

    @Test
    void userDataLeavesAndAttributesWithoutNamespaces() {
        Fragment event = event(el("UserData",
                el("EventProcessingFailure", attr("xmlns", "http://manifests.microsoft.com/win/2004/08/windows/eventlog"),
                        el("Error", attr("Code", "15007")),
                        el("EventID", text("4616")),
                        el("PublisherID", text("Microsoft-Windows-Security-Auditing")))));
        assertThat(fields(event)).containsExactly(
                Map.entry("Error_Code", List.of("15007")),
                Map.entry("EventID", List.of("4616")),
                Map.entry("PublisherID", List.of("Microsoft-Windows-Security-Auditing")));
    }

    @Test
    void dataNamedUnnamedEmptyAndMixedWithEntityReferences() {
        Fragment event = event(el("EventData", attr("Name", "TaskDisabled"),
                el("Data", attr("Name", "TaskName"), text("\\Microsoft\\Windows\\SystemRestore\\SR")),
                el("Data", attr("Name", "Empty")),
                el("Data", text("a "), new Node.EntityRef("amp"), text(" b")),
                el("Data"),
                el("Binary", text("D9060000"))));
        assertThat(fields(event)).containsExactly(
                Map.entry("EventData_Name", List.of("TaskDisabled")),
                Map.entry("TaskName", List.of("\\Microsoft\\Windows\\SystemRestore\\SR")),
                Map.entry("Empty", List.of("")),
                Map.entry("Data", List.of("a &amp; b", "")),
                Map.entry("Binary", List.of("D9060000")));
    }

    @Test
    void rawTextIsCompactXmlEscapedAsTheRustCrateEscapes() {
        Fragment event = event(
                el("System", el("Provider", attr("Name", "A \"quoted\" <b> & 'c'"))),
                el("EventData", el("Data", attr("Name", "X"), text("1 < 2 & \"q\" 'a' > 0")), el("Data"),
                        el("Data", new Node.CharRef(38))));
        assertThat(XmlWriter.render(event)).isEqualTo("<Event><System><Provider Name=\"A &quot;quoted&quot; &lt;b&gt;"
                + " &amp; &apos;c&apos;\"/></System><EventData><Data Name=\"X\">1 &lt; 2 &amp; \"q\" 'a' &gt; 0</Data>"
                + "<Data/><Data>&#38;</Data></EventData></Event>");
    }

    @Test
    void substitutionsArraysAndNestedFragmentsResolve() {
        Node.Element data = el("Data", attr("Name", "Ports"), new Node.Substitution(0, 0x86, false));
        Template inner = new Template("T", new Node[] {el("EventData", data, el("Data", attr("Name", "Opt"),
                new Node.Substitution(1, 0x01, true)))});
        Fragment nested = new Fragment(new Node[] {new Node.TemplateInstance(inner, new Object[] {new String[] {"80", "443"}, null})});
        Template outer = new Template("U", new Node[] {el("Event", el("System", el("EventID", new Node.Substitution(0, 0x06, false))),
                new Node.Substitution(1, 0x21, false))});
        Fragment event = new Fragment(new Node[] {new Node.TemplateInstance(outer, new Object[] {"7", nested})});
        assertThat(fields(event)).containsExactly(
                Map.entry("EventID", List.of("7")),
                Map.entry("Ports", List.of("80", "443")),
                Map.entry("Opt", List.of("")));
    }

    @Test
    void aTemplateRepeatingALongValueIsCappedNotExpandedWithoutBound() {
        Object[] parts = new Object[20_001];
        Arrays.fill(parts, new Node.Substitution(0, 0x01, false));
        parts[0] = attr("Name", "X");
        Template t = new Template("T", new Node[] {el("Event", el("EventData", el("Data", parts)))});
        Fragment event = new Fragment(new Node[] {new Node.TemplateInstance(t, new Object[] {"A".repeat(30_000)})});
        FieldCollector collector = new FieldCollector();
        FieldTable table = collector.collect(event);
        assertThat(collector.truncated()).isTrue();
        assertThat(table.first("X").length()).isLessThanOrEqualTo(Limits.EVTX_TEXT_PER_RECORD);
        assertThat(XmlWriter.render(event).length()).isLessThan(Limits.EVTX_TEXT_PER_RECORD + 1_000);
    }

    private static Map<String, List<String>> fields(Fragment event) {
        FieldTable table = new FieldCollector().collect(event);
        Map<String, List<String>> out = new LinkedHashMap<>();
        table.names().forEach(n -> out.put(n, table.all(n)));
        return out;
    }

    private static Fragment event(Node... sections) {
        return new Fragment(new Node[] {el("Event", sections)});
    }

    /** An element from attributes (given as {@link Attr}) and child nodes, in any order. */
    private static Node.Element el(String name, Object... parts) {
        List<Node.Attribute> attributes = new ArrayList<>();
        List<Node> children = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Attr a) {
                attributes.add(new Node.Attribute(a.name(), new Node[] {new Node.Text(a.value())}));
            } else {
                children.add((Node) p);
            }
        }
        return new Node.Element(name, attributes.toArray(new Node.Attribute[0]), children.toArray(new Node[0]));
    }

    private record Attr(String name, String value) {}

    private static Attr attr(String name, String value) {
        return new Attr(name, value);
    }

    private static Node.Text text(String s) {
        return new Node.Text(s);
    }
}
