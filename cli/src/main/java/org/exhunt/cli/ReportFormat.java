package org.exhunt.cli;

import org.exhunt.report.ConsoleReport;
import org.exhunt.report.CsvTimelineReport;
import org.exhunt.report.EcsReport;
import org.exhunt.report.HtmlReport;
import org.exhunt.report.JsonlReport;
import org.exhunt.report.ReportWriter;
import org.exhunt.report.SarifReport;

/** The formats {@code --format} accepts, each with its writer and the file extension it gets after {@code -o PREFIX}. */
enum ReportFormat {
    console(new ConsoleReport(), "txt"),
    jsonl(new JsonlReport(), "jsonl"),
    csv(new CsvTimelineReport(), "csv"),
    sarif(new SarifReport(), "sarif"),
    ecs(new EcsReport(), "ecs.jsonl"),
    html(new HtmlReport(), "html");

    final ReportWriter writer;
    final String extension;

    ReportFormat(ReportWriter writer, String extension) {
        this.writer = writer;
        this.extension = extension;
    }
}
