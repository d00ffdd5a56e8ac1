package org.exhunt.probe.page;

import java.util.Locale;
import java.util.Optional;
import org.exhunt.kb.BuildNumber;

/**
 * The ClickOnce manifest of ECP's eDiscovery export tool ({@code /ecp/Current/exporttool/
 * microsoft.exchange.ediscovery.exporttool.application}, EXCHANGE.md §d check 3): its
 * {@code <assemblyIdentity ... version="15.2.986.5">} is the server's full build.
 */
public final class ExportToolManifest {

    private ExportToolManifest() {}

    public static Optional<BuildNumber> version(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        int identity = Scan.find(lower, "<assemblyidentity", 0);
        if (identity < 0) return Optional.empty();
        int end = Scan.find(lower, ">", identity);
        if (end < 0) return Optional.empty();
        String element = body.substring(identity, end);
        String v = Scan.between(element, lower.substring(identity, end), " version=\"", "\"", 0, 32);
        return v == null ? Optional.empty() : OwaPage.build(v);
    }
}
