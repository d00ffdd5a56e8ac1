package org.exhunt.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One ECS document under construction: fields are set by their dotted ECS names ({@code url.path}) and
 * stored as nested objects, the way Elastic's own agents write them. A field already set keeps its first
 * value, so the first evidence that maps to a field wins.
 */
final class EcsDocument {

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();

    ObjectNode json() {
        return root;
    }

    boolean has(String dotted) {
        ObjectNode parent = parentOf(dotted, false);
        return parent != null && parent.has(leaf(dotted));
    }

    EcsDocument put(String dotted, String value) {
        if (value != null && !has(dotted)) parentOf(dotted, true).put(leaf(dotted), value);
        return this;
    }

    EcsDocument put(String dotted, long value) {
        if (!has(dotted)) parentOf(dotted, true).put(leaf(dotted), value);
        return this;
    }

    EcsDocument put(String dotted, boolean value) {
        if (!has(dotted)) parentOf(dotted, true).put(leaf(dotted), value);
        return this;
    }

    EcsDocument put(String dotted, JsonNode value) {
        if (!has(dotted)) parentOf(dotted, true).set(leaf(dotted), value);
        return this;
    }

    /** Sets an array of strings; an empty list leaves the field out. */
    EcsDocument putAll(String dotted, List<String> values) {
        if (values.isEmpty() || has(dotted)) return this;
        ArrayNode array = parentOf(dotted, true).putArray(leaf(dotted));
        values.forEach(array::add);
        return this;
    }

    private static String leaf(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    /** The object that holds the field's last part, created on the way when {@code create} is set. */
    private ObjectNode parentOf(String dotted, boolean create) {
        ObjectNode node = root;
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null) {
                if (!create) return null;
                child = node.putObject(parts[i]);
            }
            if (!(child instanceof ObjectNode object)) {
                throw new IllegalStateException(dotted + ": " + parts[i] + " is a value, not an object");
            }
            node = object;
        }
        return node;
    }
}
