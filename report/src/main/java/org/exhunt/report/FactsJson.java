package org.exhunt.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.exhunt.core.IsoTime;
import org.exhunt.core.facts.ServerFacts;

/**
 * A server's facts as JSON, the same object in every format that carries them (JSON lines' {@code facts} line,
 * SARIF's run properties, ECS's facts document): field names in snake case, times in ISO 8601 UTC, dates as
 * {@code 2025-10-14}, durations in ISO 8601 ({@code PT1H}), enums by name, absent parts as null. Read back with {@link #read}. Schema:
 * docs/jsonl-schema.md.
 */
public final class FactsJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            // times as every output writes them (IsoTime: an event log's 100 ns kept, not padded to nanoseconds)
            .registerModule(new SimpleModule().addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
                @Override
                public void serialize(Instant t, JsonGenerator g, SerializerProvider p) throws IOException {
                    g.writeString(IsoTime.format(t));
                }
            }))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)   // durations in ISO 8601: PT1H
            // fields a later version adds within the same schema number are left aside, as docs/jsonl-schema.md asks
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FactsJson() {}

    public static ObjectNode tree(ServerFacts facts) {
        return JSON.valueToTree(facts);
    }

    /** Any part of the facts as JSON, the same way ({@link org.exhunt.core.facts.ExposureWindow} of a verdict). */
    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    /** Writes a value as JSON where {@code g} is ({@code null} as null). */
    static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) g.writeNull();
        else JSON.writeTree(g, tree(value));
    }

    /** Writes the facts' fields into the object {@code g} is writing ({@code build}, {@code scan}, {@code probe}). */
    static void fields(JsonGenerator g, ServerFacts facts) throws IOException {
        for (Map.Entry<String, JsonNode> field : tree(facts).properties()) {
            g.writeFieldName(field.getKey());
            JSON.writeTree(g, field.getValue());
        }
    }

    /** The facts a {@link #tree} holds. */
    public static ServerFacts read(JsonNode tree) {
        return read(tree, ServerFacts.class);
    }

    /** A part of the facts a {@link #tree} holds ({@code null} for JSON's null). */
    public static <T> T read(JsonNode tree, Class<T> type) {
        if (tree == null || tree.isNull()) return null;
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
