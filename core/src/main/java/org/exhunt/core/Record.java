package org.exhunt.core;

import java.time.Instant;
import java.util.Collection;

/**
 * One unit of evidence read from a log or a file: named fields, the raw text it came from, its time and
 * where it came from. Rules see records only through {@link #field(String)}, so a reader decides how its
 * format's names map to the names rules use.
 */
public interface Record {

    /** The value of a field, or {@code null} when the record has no such field. Names are case-insensitive. */
    String field(String name);

    /** The names of the fields this record has, in the reader's order. */
    Collection<String> fieldNames();

    /** The text the record was read from (a log line, a rendered event), for keyword search and evidence. */
    String raw();

    /** When the recorded event happened, in UTC, or {@code null} when the record carries no time. */
    Instant time();

    /** Where the record was read. */
    SourceRef source();

    /** The kind of record, naming its format (e.g. {@code iis}, {@code httpproxy}, {@code evtx}, {@code file}). */
    String type();
}
