package org.exhunt.core;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * One unit of evidence read from a log or a file: named fields, the raw text it came from, its time and
 * where it came from. Rules see records only through {@link #field(String)}, so a reader decides how its
 * format's names map to the names rules use.
 */
public interface Record {

    /**
     * The value of a field, or {@code null} when the record has no such field. Names are case-insensitive, and
     * a name not found as written is looked for without its spaces, so that a Windows event's {@code Threat Name}
     * answers to {@code ThreatName}, the name Sigma rules use (Windows adds the spaces when it renders the event;
     * its manifests have none), and the other way round ({@link #sameName}). For a field with several values (the
     * unnamed {@code Data} of an event) this is the first.
     */
    String field(String name);

    /**
     * All values of a field, in order: empty when absent, one for most fields, several for repeated fields
     * such as the unnamed {@code Data} elements of a Windows event. Rules match when any value matches.
     */
    default List<String> values(String name) {
        String v = field(name);
        return v == null ? List.of() : List.of(v);
    }

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

    /** Whether two field names are the same name, ignoring case and spaces, without allocating. */
    static boolean sameName(String a, String b) {
        int i = 0;
        int j = 0;
        int m = a.length();
        int n = b.length();
        while (true) {
            while (i < m && a.charAt(i) == ' ') i++;
            while (j < n && b.charAt(j) == ' ') j++;
            if (i == m || j == n) return i == m && j == n;
            char x = a.charAt(i++);
            char y = b.charAt(j++);
            if (x != y && Character.toUpperCase(x) != Character.toUpperCase(y)
                    && Character.toLowerCase(x) != Character.toLowerCase(y)) {
                return false;
            }
        }
    }

    /** Whether a name holds a space: one that a record may hold without it, or the other way round. */
    static boolean hasSpace(String name) {
        return name.indexOf(' ') >= 0;
    }
}
