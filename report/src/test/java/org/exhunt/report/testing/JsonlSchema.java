package org.exhunt.report.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON schema of exhunt's JSON lines, {@code docs/jsonl-schema.json} (the project's own contract, beside
 * jsonl-schema.md), applied with networknt's validator with format assertions on. Shared by the report's own tests
 * and the scan of the example images in {@code cli}.
 */
public final class JsonlSchema {

    private static final Schema SCHEMA = load();

    private JsonlSchema() {}

    private static Schema load() {
        Path file = Path.of(System.getProperty("exhunt.root", ".."), "docs", "jsonl-schema.json");
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("the JSON lines schema " + file.toAbsolutePath() + " could not be read", e);
        }
    }

    /** What the schema refuses in one line, one message per error (where and why); empty when it is valid. */
    public static List<String> problems(JsonNode line) {
        return SCHEMA.validate(line, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }
}
