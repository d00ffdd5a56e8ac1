package org.exhunt.hunt.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;
import org.exhunt.evidence.EvidenceFile;

/**
 * Files of the OWA and ECP {@code auth} folders modified long after the rest of their folder. Setup, a CU and an SU
 * write the files of these folders together, within minutes; a web shell dropped there, or a standard page an
 * intruder rewrote (GTSC's RedirSuiteServiceProxy.aspx), is newer than its neighbours. The threshold,
 * {@link #NEWER_THAN_MEDIAN} (30 days after the folder's median time), leaves room for an update that rewrote only
 * some of the folder's files in the weeks after the one that wrote most of them; a file newer still is context
 * for the person reading the report (a customised logon page is newer too), never a verdict by itself.
 */
public final class AuthFolderAge implements ListingDetector {

    public static final String RULE = "exhunt.file.newer-than-auth-folder";
    public static final Duration NEWER_THAN_MEDIAN = Duration.ofDays(30);
    /** Files with a time a folder needs for its median to mean anything. */
    static final int MIN_FILES = 3;
    private static final List<String> FOLDERS = List.of("owa/auth", "ecp/auth");

    @Override
    public void examine(Listing listing, Consumer<Finding> findings) {
        Map<String, List<EvidenceFile>> byFolder = new TreeMap<>();
        for (EvidenceFile f : listing.files()) {
            if (f.modified() == null) continue;
            listing.layout().frontEndPath(f.drivePath()).ifPresent(p -> {
                String lower = p.toLowerCase(Locale.ROOT);
                int slash = lower.lastIndexOf('/');
                if (slash > 0 && FOLDERS.contains(lower.substring(0, slash))) {
                    byFolder.computeIfAbsent(lower.substring(0, slash), k -> new ArrayList<>()).add(f);
                }
            });
        }
        byFolder.forEach((folder, files) -> {
            if (files.size() < MIN_FILES) return;
            Instant median = median(files);
            for (EvidenceFile f : files) {
                Duration after = Duration.between(median, f.modified());
                if (after.compareTo(NEWER_THAN_MEDIAN) <= 0) continue;
                findings.accept(FileFindings.sized(FileFindings.about(f,
                                listing.layout().urlPath(f.drivePath()).orElse(null), "file", RULE), f)
                        .title("File in " + folder.replace('/', '\\') + " modified " + after.toDays()
                                + " days after most of its folder")
                        .severity(Severity.LOW)
                        .stage(Stage.CONTEXT)
                        .evidence("folder_median", median.toString())
                        .evidence("days_after_median", Long.toString(after.toDays()))
                        .build());
            }
        });
    }

    /** The median modification time (the earlier middle one for an even count). */
    static Instant median(List<EvidenceFile> files) {
        List<Instant> times = files.stream().map(EvidenceFile::modified).sorted().toList();
        return times.get((times.size() - 1) / 2);
    }
}
