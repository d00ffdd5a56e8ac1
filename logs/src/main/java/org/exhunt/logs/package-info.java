/**
 * Readers that turn log formats (IIS W3C, Exchange's CSV and free-text logs, EVTX) into
 * {@link org.exhunt.core.Record}s. {@link org.exhunt.logs.LogFiles#open} is the entry point: it undoes gzip,
 * picks the reader through the {@link org.exhunt.logs.LogReaders} registry and returns a
 * {@link org.exhunt.logs.RecordStream}.
 *
 * <h2>Malformed input</h2>
 * A reader never throws on bad content. Each problem becomes a {@link org.exhunt.core.Diagnostic} with a
 * stable code and the line it is on, at most {@link org.exhunt.logs.LogLimits#PROBLEMS_PER_FILE} per file
 * (then one {@code log.problems-capped} summary at the level of the worst one left out), and reading goes
 * on with the next line. How a file that was not fully read shows:
 * <ul>
 *   <li>a part of the file that was not read (a line skipped or read only in part) is a diagnostic at
 *       {@link org.exhunt.core.Diagnostic.Level#ERROR ERROR}, the level that makes a run incomplete;</li>
 *   <li>when reading itself stops early (an I/O error, a corrupt or truncated gzip stream), there is also a
 *       {@code log.read-failed} ERROR and {@link org.exhunt.logs.RecordStream#complete()} is false.</li>
 * </ul>
 * WARNING and INFO diagnostics mean everything was read (e.g. malformed UTF-8 read as U+FFFD, a header
 * assumed). The codes are listed in {@code docs/record-fields.md}.
 */
package org.exhunt.logs;
