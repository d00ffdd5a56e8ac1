package org.exhunt.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;

/** A report written to a string, for the tests. */
final class Reports {

    private Reports() {}

    static String write(ReportWriter writer, RunInfo run, List<ServerResult> results) {
        StringWriter out = new StringWriter();
        try {
            writer.write(out, run, results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String sample(ReportWriter writer) {
        return write(writer, SampleResults.RUN, SampleResults.all());
    }
}
