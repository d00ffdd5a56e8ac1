package org.exhunt.hunt.detect;

import java.util.List;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.layout.ExchangeLayout;

/** Every file of a server's evidence, as listed (names, sizes and times; no content), and where Exchange lies among them. */
public record Listing(List<EvidenceFile> files, ExchangeLayout layout) {

    public Listing {
        files = List.copyOf(files);
    }
}
