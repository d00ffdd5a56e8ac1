package org.exhunt.hunt.detect;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.layout.ProgramDataOwners;
import org.exhunt.hunt.verdict.Verdicts;

/**
 * Archives under {@code ProgramData} ({@code .7z}, {@code .zip}, {@code .rar}), where HAFNIUM staged mailbox exports
 * for exfiltration ({@code C:\ProgramData\it.zip}). Many products keep archives there too, so, as in Test-ProxyLogon
 * since its fix for CSS-Exchange #311, they are context unless a chain shows exploitation on the same server, when
 * {@link Verdicts} makes them post-exploitation (they carry {@link Verdicts#ESCALATES_WITH_CHAIN_EVIDENCE}).
 * An archive inside a known product's own tree ({@link ProgramDataOwners}) is not reported here: the scan reports it
 * when it was written within a chain's exposure window ({@link #finding}), and lists it in the notes otherwise.
 */
public final class StagedArchiveSweep implements ListingDetector {

    public static final String RULE = "exhunt.file.archive-in-programdata";
    private static final List<String> ENDINGS = List.of(".7z", ".zip", ".rar");

    private final ProgramDataOwners owners;

    public StagedArchiveSweep(ProgramDataOwners owners) {
        this.owners = owners;
    }

    @Override
    public void examine(Listing listing, Consumer<Finding> findings) {
        for (EvidenceFile f : listing.files()) {
            if (isArchive(f) && owners.owner(f.drivePath()).isEmpty()) findings.accept(finding(f).build());
        }
    }

    /** Whether the file is an archive in ProgramData. */
    public static boolean isArchive(EvidenceFile f) {
        String path = f.drivePath().toLowerCase(Locale.ROOT);
        return path.startsWith("programdata/") && ENDINGS.stream().anyMatch(path::endsWith);
    }

    /** The finding an archive in ProgramData gets. */
    public static Finding.Builder finding(EvidenceFile f) {
        return FileFindings.sized(FileFindings.about(f, null, "file", RULE), f)
                .title("Archive in ProgramData (HAFNIUM staged exfiltration there)")
                .severity(Severity.MEDIUM)
                .stage(Stage.CONTEXT)
                .tag(Verdicts.ESCALATES_WITH_CHAIN_EVIDENCE)
                .tag("attack.t1560.001")
                .meta("reference", "Test-ProxyLogon SuspiciousArchive check; Microsoft HAFNIUM post (2021-03-02)");
    }
}
