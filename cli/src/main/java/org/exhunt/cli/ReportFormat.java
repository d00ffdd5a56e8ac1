package org.exhunt.cli;

import java.util.function.Supplier;
import org.exhunt.report.ConsoleReport;
import org.exhunt.report.CsvTimelineReport;
import org.exhunt.report.EcsReport;
import org.exhunt.report.HtmlReport;
import org.exhunt.report.JsonlReport;
import org.exhunt.report.ReportWriter;
import org.exhunt.report.SarifReport;

/**
 * The formats {@code --format} accepts, each with its writer and the file extension it gets after {@code -o PREFIX}.
 * Writers are made when asked for: building them all up front loaded Jackson's databind for every command,
 * a tenth of a second of {@code exhunt yara}'s start.
 */
enum ReportFormat {
    console(ConsoleReport::new, "txt"),
    jsonl(JsonlReport::new, "jsonl"),
    csv(CsvTimelineReport::new, "csv"),
    sarif(SarifReport::new, "sarif"),
    ecs(EcsReport::new, "ecs.jsonl"),
    html(HtmlReport::new, "html");

    private final Supplier<ReportWriter> writer;
    final String extension;

    ReportFormat(Supplier<ReportWriter> writer, String extension) {
        this.writer = writer;
        this.extension = extension;
    }

    ReportWriter writer() {
        return writer.get();
    }
}
