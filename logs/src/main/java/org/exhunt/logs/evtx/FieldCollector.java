package org.exhunt.logs.evtx;

import java.util.HashMap;
import java.util.Map;
import org.exhunt.core.Limits;

/**
 * Names an event's values as docs/record-fields.md says (the contract with the Sigma mappings), following
 * the Rust crate's JSON rendering of the same event:
 * <ul>
 *   <li>{@code System}: each child's text under its name ({@code EventID}), each attribute as
 *       {@code Element_Attribute} ({@code Provider_Name}, {@code TimeCreated_SystemTime});</li>
 *   <li>{@code EventData} and {@code UserData}: a {@code <Data Name="X">} as {@code X} (an empty one as
 *       the empty string), an unnamed {@code <Data>} as a value of {@code Data} (all of them, in order), any
 *       other leaf element under its own name ({@code Binary}, UserData's leaves), attributes as
 *       {@code Element_Attribute} ({@code EventData_Name}), namespace declarations left out;</li>
 *   <li>any other section of the event ({@code RenderingInfo} of forwarded events, {@code ProcessingErrorData}):
 *       its leaves as {@code Section_Leaf}, so they never mix with {@code System}'s names.</li>
 * </ul>
 * An element or attribute with no text is no field, except {@code Data}, whose emptiness is itself a value.
 */
final class FieldCollector implements EventSink {

    private enum Section { ROOT, SYSTEM, DATA, OTHER }

    private static final int MAX_DEPTH = Limits.EVTX_NESTING_DEPTH + 1;
    private static final int MAX_JOINED_NAMES = 4096;

    private final String[] names = new String[MAX_DEPTH];
    private final Section[] sections = new Section[MAX_DEPTH];
    private final String[] texts = new String[MAX_DEPTH];
    private final StringBuilder[] longTexts = new StringBuilder[MAX_DEPTH];
    private final String[] dataNames = new String[MAX_DEPTH];
    private final boolean[] hasChild = new boolean[MAX_DEPTH];
    private int depth = -1;
    private final Map<String, Map<String, String>> joinedNames = new HashMap<>();   // element -> name -> element_name
    private int joinedCount;
    private FieldTable fields;
    private boolean truncated;

    /** Collects the fields of one event. */
    FieldTable collect(Fragment event) {
        fields = new FieldTable();
        depth = -1;
        truncated = TreeWalker.walk(event, this);
        return fields;
    }

    /** Whether the last event collected hit a cap and was cut. */
    boolean truncated() {
        return truncated;
    }

    @Override
    public void startElement(String name) {
        if (depth >= 0) hasChild[depth] = true;
        depth++;
        names[depth] = name;
        texts[depth] = null;
        if (longTexts[depth] != null) longTexts[depth].setLength(0);
        dataNames[depth] = null;
        hasChild[depth] = false;
        sections[depth] = depth == 0 ? Section.ROOT
                : depth == 1 ? sectionOf(name)
                : sections[depth - 1];
    }

    private static Section sectionOf(String name) {
        switch (name) {
            case "System": return Section.SYSTEM;
            case "EventData": case "UserData": return Section.DATA;
            default: return Section.OTHER;
        }
    }

    @Override
    public void attribute(String name, String value) {
        String element = names[depth];
        switch (sections[depth]) {
            case ROOT:
                return;   // the Event element's namespace
            case SYSTEM:
                fields.add(joined(element, name), value);
                return;
            case DATA:
                if (element.equals("Data") && name.equals("Name")) {
                    dataNames[depth] = value;
                } else if (!name.equals("xmlns") && !name.startsWith("xmlns:")) {
                    fields.add(joined(element, name), value);
                }
                return;
            default:
                if (!name.equals("xmlns") && !name.startsWith("xmlns:")) fields.add(otherName(element) + "_" + name, value);
        }
    }

    @Override
    public void text(String text, boolean markup) {
        if (texts[depth] == null) {
            texts[depth] = text;
            return;
        }
        StringBuilder s = longTexts[depth];
        if (s == null) s = longTexts[depth] = new StringBuilder();
        if (s.length() == 0) s.append(texts[depth]);
        s.append(text);
    }

    @Override
    public void endElement(String name) {
        String text = longTexts[depth] != null && longTexts[depth].length() > 0 ? longTexts[depth].toString()
                : texts[depth] == null ? "" : texts[depth];
        Section section = sections[depth];
        if (section == Section.DATA && depth >= 2 && name.equals("Data")) {
            String dataName = dataNames[depth];
            fields.add(dataName != null ? dataName : "Data", text);
        } else if (!text.isEmpty() && depth >= 1 && !hasChild[depth]) {
            fields.add(section == Section.OTHER ? otherName(name) : name, text);
        }
        depth--;
    }

    /**
     * {@code element_name}, made once per pair: the same few pairs recur in every event. The cache is
     * dropped when it grows past what any real log needs (names from damaged data can vary without end).
     */
    private String joined(String element, String name) {
        Map<String, String> byName = joinedNames.computeIfAbsent(element, e -> new HashMap<>());
        String joined = byName.get(name);
        if (joined == null) {
            if (++joinedCount > MAX_JOINED_NAMES) {
                joinedNames.clear();
                joinedCount = 0;
                byName = joinedNames.computeIfAbsent(element, e -> new HashMap<>());
            }
            joined = element + "_" + name;
            byName.put(name, joined);
        }
        return joined;
    }

    /** A name in a section other than System, EventData and UserData: prefixed with the section. */
    private String otherName(String element) {
        return depth == 1 ? element : names[1] + "_" + element;
    }
}
