package org.exhunt.logs.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON object into named field values. An object with {@code Event.System} is a rendered Windows event
 * and gets the {@code evtx} names: System elements by name, their attributes as {@code Element_Attribute}
 * ({@code Provider_Name}, {@code TimeCreated_SystemTime}); EventData {@code X} as {@code X}, unnamed values as
 * {@code Data}; UserData leaves by their own names. Any other object is flat: its keys as given, nested objects
 * as {@code outer.inner}. Arrays give several values; {@code null} gives none (the field is absent).
 */
final class Flattener {

    private static final String ATTRIBUTES = "#attributes";
    private static final String TEXT = "#text";

    private Flattener() {}

    static boolean isEvent(JsonNode n) {
        return n.path("Event").path("System").isObject();
    }

    static Map<String, List<String>> flatten(JsonNode object) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (isEvent(object)) {
            JsonNode event = object.get("Event");
            system(event.get("System"), out);
            eventData(event.path("EventData"), out);
            userData(event.path("UserData"), out);
        } else {
            flat("", object, out);
        }
        return out;
    }

    private static void system(JsonNode system, Map<String, List<String>> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = system.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                JsonNode attrs = v.path(ATTRIBUTES);
                for (Iterator<Map.Entry<String, JsonNode>> a = attrs.fields(); a.hasNext(); ) {
                    Map.Entry<String, JsonNode> attr = a.next();
                    add(out, name + "_" + attr.getKey(), attr.getValue());
                }
                if (v.has(TEXT)) add(out, name, v.get(TEXT));
            } else {
                add(out, name, v);
            }
        }
    }

    private static void eventData(JsonNode data, Map<String, List<String>> out) {
        if (!data.isObject()) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(ATTRIBUTES)) continue;
            JsonNode v = e.getValue();
            add(out, e.getKey(), v.isObject() && v.has(TEXT) ? v.get(TEXT) : v);
        }
    }

    private static void userData(JsonNode data, Map<String, List<String>> out) {
        if (!data.isObject()) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(ATTRIBUTES)) continue;
            if (e.getValue().isObject() && !e.getValue().has(TEXT)) userData(e.getValue(), out);
            else add(out, e.getKey(), e.getValue().isObject() ? e.getValue().get(TEXT) : e.getValue());
        }
    }

    private static void flat(String prefix, JsonNode n, Map<String, List<String>> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            if (e.getValue().isObject()) flat(name + ".", e.getValue(), out);
            else add(out, name, e.getValue());
        }
    }

    /** Adds a scalar, or each scalar of an array; objects inside arrays are kept as their JSON text. */
    private static void add(Map<String, List<String>> out, String name, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return;
        List<String> values = out.computeIfAbsent(name, k -> new ArrayList<>());
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isNull()) values.add(text(item));
            }
        } else {
            values.add(text(v));
        }
        if (values.isEmpty()) out.remove(name);
    }

    private static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
