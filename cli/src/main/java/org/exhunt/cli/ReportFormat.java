package org.exhunt.cli;

import org.exhunt.report.ConsoleReport;
import org.exhunt.report.JsonlReport;
import org.exhunt.report.ReportWriter;

/** The formats {@code --format} accepts, each with its writer. */
enum ReportFormat {
    console(new ConsoleReport()),
    jsonl(new JsonlReport());

    final ReportWriter writer;

    ReportFormat(ReportWriter writer) {
        this.writer = writer;
    }
}
