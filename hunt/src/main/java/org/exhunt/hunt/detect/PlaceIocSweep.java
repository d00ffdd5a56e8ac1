package org.exhunt.hunt.detect;

import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.Stage;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.ioc.FileDigests;
import org.exhunt.hunt.ioc.FileIndicator;
import org.exhunt.hunt.ioc.IocSet;

/**
 * Name and path indicators on the files outside the web folders (those inside are {@link FileIocMatch}'s, which
 * reads them): a published tool path is post-exploitation as its list says, a web-shell name away from the web
 * folders is context (it serves nothing there).
 */
public final class PlaceIocSweep implements ListingDetector {

    private final IocSet iocs;

    public PlaceIocSweep(IocSet iocs) {
        this.iocs = iocs;
    }

    @Override
    public void examine(Listing listing, Consumer<Finding> findings) {
        if (!iocs.hasPlaceIndicators()) return;
        for (EvidenceFile f : listing.files()) {
            if (listing.layout().isWebContent(f.drivePath())) continue;
            for (FileIndicator i : iocs.matching(f.facts(), FileDigests.NONE)) {
                Finding.Builder b = FileFindings.sized(FileFindings.about(f, null, "ioc", i.source().ruleId()), f)
                        .title("File at a published place: " + IocFindings.named(i.source()))
                        .evidence("matched_by", i.matchedBy());
                findings.accept(IocFindings.of(b, i.source(), Stage.CONTEXT, null).build());
            }
        }
    }
}
