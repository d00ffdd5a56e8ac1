package org.exhunt.report.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks documents against the ECS field definitions of Elastic's own package (test resources
 * {@code org/exhunt/report/ecs/ecs-9.4.0-fields.json}, derived from {@code @elastic/ecs}'s {@code ecs_flat}; see the README):
 * every field is an ECS field or lives under the custom {@code exhunt.} set, has its ECS type, is an array
 * only where ECS expects one, takes only the allowed values, and {@code event.type} fits
 * {@code event.category}. Returns the problems as text, one per line, empty when the document conforms.
 * Shared by the report's own tests and the scan of the example images in {@code cli}.
 */
public final class EcsSchema {

    private static final String CUSTOM_PREFIX = "exhunt.";
    private static final JsonNode FIELDS = load();

    private EcsSchema() {}

    private static JsonNode load() {
        try (InputStream in = EcsSchema.class.getResourceAsStream("/org/exhunt/report/ecs/ecs-9.4.0-fields.json")) {
            if (in == null) throw new IllegalStateException("the ECS field definitions are missing from the test resources");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ECS type of a field ({@code keyword}, {@code date}, ...), or null when it is no ECS field. */
    public static String type(String dotted) {
        JsonNode definition = FIELDS.get(dotted);
        return definition == null ? null : definition.get("type").asText();
    }

    public static List<String> problems(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        for (String required : List.of("@timestamp", "ecs.version")) {
            if (value(doc, required) == null) problems.add(required + ": missing");
        }
        walk(doc, "", problems);
        JsonNode categories = value(doc, "event.category");
        JsonNode types = value(doc, "event.type");
        if (categories != null && types != null) {
            JsonNode expected = FIELDS.at("/event.category/expected_event_types");
            for (JsonNode type : types) {
                for (JsonNode category : categories) {
                    boolean fits = false;
                    for (JsonNode e : expected.path(category.asText())) fits |= e.asText().equals(type.asText());
                    if (!fits) problems.add("event.type " + type + " is not expected for event.category " + category);
                }
            }
        }
        return problems;
    }

    private static JsonNode value(JsonNode doc, String dotted) {
        JsonNode node = doc;
        for (String part : dotted.startsWith("@") ? new String[] {dotted} : dotted.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static void walk(JsonNode node, String prefix, List<String> problems) {
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            String name = prefix + f.getKey();
            if (name.startsWith(CUSTOM_PREFIX)) continue;
            JsonNode definition = FIELDS.get(name);
            if (definition == null) {
                if (f.getValue().isObject()) walk(f.getValue(), name + ".", problems);
                else problems.add(name + ": not an ECS field");
                continue;
            }
            check(name, definition, f.getValue(), problems);
        }
    }

    private static void check(String name, JsonNode definition, JsonNode value, List<String> problems) {
        if (value.isArray()) {
            if (!definition.get("array").asBoolean()) problems.add(name + ": an array, but ECS expects one value");
            for (JsonNode item : value) checkOne(name, definition, item, problems);
        } else {
            checkOne(name, definition, value, problems);
        }
    }

    private static void checkOne(String name, JsonNode definition, JsonNode value, List<String> problems) {
        String type = definition.get("type").asText();
        boolean ok = switch (type) {
            case "keyword", "wildcard", "match_only_text", "constant_keyword", "text" -> value.isTextual();
            case "long" -> value.isIntegralNumber();
            case "float", "scaled_float", "double" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "date" -> value.isTextual() && isDate(value.asText());
            case "ip" -> value.isTextual() && isIp(value.asText());
            case "object", "flattened", "nested" -> value.isObject();
            default -> false;
        };
        if (!ok) problems.add(name + ": " + value + " is not of ECS type " + type);
        JsonNode allowed = definition.get("allowed");
        if (allowed != null) {
            boolean listed = false;
            for (JsonNode a : allowed) listed |= a.asText().equals(value.asText());
            if (!listed) problems.add(name + ": " + value + " is not an allowed value");
        }
    }

    private static boolean isDate(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** An IP literal; names are refused before any lookup could happen. */
    private static boolean isIp(String text) {
        if (!text.matches("[0-9a-fA-F:.]+") || !(text.contains(":") || text.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"))) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
