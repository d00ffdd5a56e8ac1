package org.exhunt.hunt;

import java.util.List;
import java.util.function.LongPredicate;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.facts.IndicatorSummary;
import org.exhunt.hunt.detect.FileDetector;
import org.exhunt.hunt.detect.ListingDetector;
import org.exhunt.hunt.detect.RecordDetector;
import org.exhunt.hunt.detect.SigmaHunt;
import org.exhunt.hunt.layout.ProgramDataOwners;

/**
 * The compiled detectors of a hunt, shared read-only by every server's scan, and what went wrong loading
 * them (reported with every server, since a rule that did not load makes every answer incomplete).
 *
 * @param contentWanted sizes of files outside the web folders that the file detectors want to read anyway (a digest
 *                      indicator gives that size)
 * @param indicators    the indicator lists loaded, for every server's report
 * @param archiveOwners the ProgramData folders known products keep as their own (their archives are not findings)
 */
record Detectors(List<FileDetector> files, List<RecordDetector> records, List<ListingDetector> listings,
                 SigmaHunt sigma, LongPredicate contentWanted, List<Diagnostic> problems, IndicatorSummary indicators,
                 ProgramDataOwners archiveOwners) {

    Detectors {
        files = List.copyOf(files);
        records = List.copyOf(records);
        listings = List.copyOf(listings);
        problems = List.copyOf(problems);
    }
}
