package org.exhunt.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;

/**
 * The CSV timeline's rows for what the attackers touched: one per timed item of each server's impact (a mailbox
 * export, the first read of a mailbox, a message to review, the first logon of an exposed account, an account
 * changed, a way back in, the time from which every mailbox was within reach), in the timeline's columns: detector
 * {@code impact}, rule id {@code exhunt.impact.<section>}, the section as title, how sure it is as a tag, the first
 * record it rests on as file and its records as evidence, stage and span end empty (an impact item is no evidence of a
 * stage, and has one time).
 * Items without a time (the limits, a computer account whose exposure has no logon) are not timeline events.
 */
final class CsvImpactRows {

    /** {@code timestamp_desc} of an impact row. */
    static final String IMPACT_TIME = "Impact time";

    record Row(Instant time, List<String> cells) {}

    private CsvImpactRows() {}

    static List<Row> of(List<ServerResult> results, RunInfo run) {
        List<Row> out = new ArrayList<>();
        for (ServerResult r : results) {
            int n = 0;
            for (ImpactWords.Line line : ImpactWords.lines(ImpactWords.of(r.facts()))) {
                n++;
                if (line.time() == null) continue;
                out.add(new Row(line.time(), cells(r.server(), line, n, run)));
            }
        }
        return out;
    }

    private static List<String> cells(String server, ImpactWords.Line line, int n, RunInfo run) {
        String rule = "exhunt.impact." + line.section().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
        String confidence = line.confidence() == null ? "" : line.confidence().label();
        List<String> cells = new ArrayList<>(CsvTimelineReport.COLUMNS.size());
        cells.add(CsvTimelineReport.text("[impact" + (confidence.isEmpty() ? "" : ", " + confidence) + "] " + line.section()
                + ": " + line.text()));
        cells.add(CsvTimelineReport.DATETIME.format(line.time()));
        cells.add(IMPACT_TIME);
        cells.add(Long.toString(CsvTimelineReport.microseconds(line.time())));
        cells.add(CsvTimelineReport.text(server));
        cells.add("");
        cells.add("informational");
        cells.add("impact");
        cells.add(rule);
        cells.add(CsvTimelineReport.text(line.section()));
        cells.add(confidence.isEmpty() ? "impact" : "impact,confidence." + confidence);
        cells.add(CsvTimelineReport.text(line.records().isEmpty() ? "" : line.records().get(0)));
        cells.add("");
        cells.add("");
        cells.add("");
        cells.add(CsvTimelineReport.text(String.join("\n", line.records())));
        cells.add("impact-" + n);
        cells.add("");
        cells.add(CsvTimelineReport.text(run.exhuntVersion()));
        cells.add(CsvTimelineReport.text(run.rulesVersion()));
        cells.add(CsvTimelineReport.text(run.kbVersion()));
        cells.add("");
        cells.add("");
        return cells;
    }
}
