/**
 * Writers that turn {@link org.exhunt.core.ServerResult}s into something people and tools act on: one
 * public class per format, each a {@link org.exhunt.report.ReportWriter} taking the run's
 * {@link org.exhunt.core.RunInfo} and the results. {@code ConsoleReport} for the terminal,
 * {@code JsonlReport} (exhunt's own JSON lines), {@code CsvTimelineReport} (Timesketch, Timeline Explorer),
 * {@code SarifReport} (SARIF 2.1.0 for CI gates), {@code EcsReport} (Elastic Common Schema JSON lines) and
 * {@code HtmlReport} (one self-contained page). A result's facts are put into words once, by {@code Notes} (with
 * {@code BuildWords}, {@code ScanWords}, {@code TimelineWords}, {@code ProbeWords}), for every format that shows
 * notes, and written as data by {@code FactsJson}. The package-private classes are their parts: a finding's
 * stable id ({@code FindingId}), the flattened timeline of findings and linked events
 * ({@code TimelineEvent}), escaping for each audience ({@code Printable}, {@code Html}, {@code FileUris}),
 * and the HTML page's sections. Formats and mappings: docs/report-formats.md.
 */
package org.exhunt.report;
