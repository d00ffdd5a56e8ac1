package org.exhunt.hunt.detect;

import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;
import org.exhunt.evidence.EvidenceFile;

/**
 * A server-side script in the folders IIS serves that is larger than exhunt examines ({@link Limits#CONTENT_BYTES}).
 * No page Exchange or IIS ships comes near that size, and padding a web shell (with {@code truncate}, or a comment
 * of junk) is the cheapest way past a scanner's size limit: the file detectors' rules then see nothing. So the size
 * itself is the evidence: whatever the padding, a script cannot grow past the cap without being named here, and
 * below the cap the pack's YARA rules carry no size bound of their own.
 */
public final class OversizedWebScript implements ListingDetector {

    public static final String RULE = "exhunt.file.oversized-script";

    @Override
    public void examine(Listing listing, Consumer<Finding> findings) {
        for (EvidenceFile f : listing.files()) {
            if (f.size() <= Limits.CONTENT_BYTES || !listing.layout().isWebContent(f.drivePath())
                    || !WebShellSweep.isScript(f.drivePath())) {
                continue;
            }
            findings.accept(FileFindings.sized(FileFindings.about(f, listing.layout().urlPath(f.drivePath()).orElse(null),
                            "file", RULE), f)
                    .title("Script of " + (f.size() >> 20) + " MiB in the web folders, too large to examine: no page"
                            + " Exchange or IIS ships is near that size (a web shell padded past size limits?)")
                    .severity(Severity.HIGH)
                    .stage(Stage.POST_EXPLOITATION)
                    .tag("attack.t1505.003")
                    .tag("attack.t1027.001")
                    .meta("reference", "MITRE ATT&CK T1027.001 (binary padding); CISA AA21-062A (web shells on Exchange)")
                    .build());
        }
    }
}
