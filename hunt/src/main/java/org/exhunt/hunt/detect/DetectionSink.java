package org.exhunt.hunt.detect;

import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.facts.Tally;

/**
 * Where a detector reports, during one server's scan: findings, problems with the input, and tallies —
 * facts worth one line per server rather than one per file ({@link Tally}: "412 PE files on which rules reading PE
 * fields were evaluated without them"). Thread-safe.
 */
public interface DetectionSink {

    void finding(Finding f);

    void problem(Diagnostic d);

    /** Counts more occurrences of a fact; the report shows each fact once, with its count. */
    void tally(Tally fact, long count);

    /** Counts one more occurrence of a fact. */
    default void tally(Tally fact) {
        tally(fact, 1);
    }
}
