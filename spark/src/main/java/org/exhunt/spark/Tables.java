package org.exhunt.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.LogCoverage;

/**
 * The Parquet tables of a run, each row one record of a server's result with the columns that place it: {@code run}
 * and {@code org} (the partitions), {@code case} and {@code server}; then the record's own fields ({@link
 * RecordRows}). Schema: docs/spark.md. A table for a new kind of fact is one more line here.
 */
enum Tables {
    VERDICTS("verdicts", Verdict.class, r -> r.verdicts()),
    FINDINGS("findings", Finding.class, r -> r.findings()),
    COVERAGE("coverage", LogCoverage.class, r -> r.facts().scan() == null ? List.of() : r.facts().scan().logs()),
    DIAGNOSTICS("diagnostics", Diagnostic.class, r -> r.diagnostics());

    /** The columns every table starts with: where the row comes from. */
    static final List<String> KEYS = List.of("run", "org", "case", "server");

    final String name;
    private final Class<? extends Record> type;
    private final Function<ServerResult, List<? extends Record>> records;

    Tables(String name, Class<? extends Record> type, Function<ServerResult, List<? extends Record>> records) {
        this.name = name;
        this.type = type;
        this.records = records;
    }

    StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (String k : KEYS) fields.add(DataTypes.createStructField(k, DataTypes.StringType, k.equals("case")));
        for (StructField f : RecordRows.schema(type).fields()) {
            if (!KEYS.contains(f.name())) fields.add(f);   // a verdict names its server too: once
        }
        return DataTypes.createStructType(fields);
    }

    List<Row> rows(String run, ServerOutcome o) {
        StructType own = RecordRows.schema(type);
        List<Row> out = new ArrayList<>();
        for (Record r : records.apply(o.result())) {
            List<Object> values = new ArrayList<>(List.of(run, o.spec().org()));
            values.add(o.spec().caseId());
            values.add(o.spec().server());
            List<Object> fields = RecordRows.values(r);
            for (int i = 0; i < fields.size(); i++) {
                if (!KEYS.contains(own.fields()[i].name())) values.add(fields.get(i));
            }
            out.add(RowFactory.create(values.toArray()));
        }
        return out;
    }
}
