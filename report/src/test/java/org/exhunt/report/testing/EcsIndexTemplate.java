package org.exhunt.report.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks ECS documents against the Elasticsearch index template exhunt ships ({@code docs/ecs-index-template.json}):
 * every field a document carries is mapped there, an ECS field with its ECS type ({@link EcsSchema#type}), so that
 * Elasticsearch never guesses a type from the first document it sees. Returns the problems as text.
 */
public final class EcsIndexTemplate {

    public static final Path FILE = Path.of(System.getProperty("exhunt.root", ".."), "docs", "ecs-index-template.json");
    private static final JsonNode TEMPLATE = load();

    private EcsIndexTemplate() {}

    private static JsonNode load() {
        try {
            return new ObjectMapper().readTree(FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode template() {
        return TEMPLATE;
    }

    /** The mapping of a dotted field ({@code exhunt.evidence.name}), or null when the template does not map it. */
    public static JsonNode mapping(String dotted) {
        JsonNode node = TEMPLATE.at("/template/mappings");
        for (String part : dotted.startsWith("@") ? new String[] {dotted} : dotted.split("\\.")) {
            node = node.path("properties").get(part);
            if (node == null) return null;
        }
        return node;
    }

    public static List<String> problems(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        walk(doc, "", problems);
        return problems;
    }

    private static void walk(JsonNode node, String prefix, List<String> problems) {
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            String name = prefix + f.getKey();
            JsonNode mapping = mapping(name);
            if (mapping == null) {
                problems.add(name + ": not mapped in the index template");
                continue;
            }
            String type = mapping.path("type").asText("object");
            JsonNode value = f.getValue();
            if (type.equals("object") || type.equals("nested")) {
                for (JsonNode item : value.isArray() ? value : List.of(value)) walk(item, name + ".", problems);
            } else if (!type.equals("flattened")) {
                String ecs = EcsSchema.type(name);
                if (ecs != null && !ecs.equals(type)) problems.add(name + ": mapped as " + type + ", ECS says " + ecs);
            }
        }
    }
}
