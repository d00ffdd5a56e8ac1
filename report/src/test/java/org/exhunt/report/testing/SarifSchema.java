package org.exhunt.report.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The OASIS SARIF 2.1.0 JSON schema (test resources {@code org/exhunt/report/sarif/}, see the README there),
 * applied with networknt's JSON-schema validator with format assertions on ({@code uri-reference},
 * {@code date-time}, ... are checked, not just annotated). Shared by the report's own tests and the scan of
 * the example images in {@code cli}.
 */
public final class SarifSchema {

    private static final Schema SCHEMA = load();

    private SarifSchema() {}

    private static Schema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("/org/exhunt/report/sarif/sarif-schema-2.1.0.json")) {
            if (in == null) throw new IllegalStateException("the SARIF schema is missing from the test resources");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema refuses in {@code log}, one message per error (where and why); empty when it is valid. */
    public static List<String> problems(JsonNode log) {
        return SCHEMA.validate(log, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }
}
