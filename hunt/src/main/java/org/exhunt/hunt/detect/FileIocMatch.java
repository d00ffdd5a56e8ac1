package org.exhunt.hunt.detect;

import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;
import org.exhunt.hunt.ioc.FileDigests;
import org.exhunt.hunt.ioc.FileIndicator;
import org.exhunt.hunt.ioc.IndicatorSource;
import org.exhunt.hunt.ioc.IocSet;
import org.exhunt.hunt.ioc.UrlIndicator;

/**
 * Indicators on the files whose content is read (those IIS serves, and elsewhere those of a size a digest indicator
 * gives): a known digest is a known file wherever it lies; a known name or path is a web shell in a web-shell
 * location and context elsewhere; a file served at a published web-shell URL is one too. SHA-1 and MD5 are computed
 * only when some indicator asks for them.
 */
public final class FileIocMatch implements FileDetector {

    private final IocSet iocs;

    public FileIocMatch(IocSet iocs) {
        this.iocs = iocs;
    }

    /** Names, paths and URLs need no content: they are matched on files that could not be read too (digests not). */
    @Override
    public boolean needsContent() {
        return false;
    }

    @Override
    public void examine(FileContent c, Consumer<Finding> findings) {
        FileDigests digests = !c.isRead() ? FileDigests.NONE : new FileDigests(c.sha256(),
                iocs.needsSha1() ? FileDigests.hex("SHA-1", c.bytes()) : null,
                iocs.needsMd5() ? FileDigests.hex("MD5", c.bytes()) : null);
        for (FileIndicator i : iocs.matching(c.file().facts(), digests)) {
            IndicatorSource s = i.source();
            boolean strong = i.isContent() || c.location() != null;
            Finding.Builder b = FileFindings.about(c, "ioc", s.ruleId())
                    .title(i.isContent() ? (c.url() != null ? "Known web shell: " : "Known file: ") + IocFindings.named(s)
                            : "Web shell " + i.matchedBy() + " " + c.file().drivePath().substring(c.file().drivePath().lastIndexOf('/') + 1)
                                    + ": " + IocFindings.named(s))
                    .evidence("matched_by", i.matchedBy())
                    .tag("attack.t1505.003");
            findings.accept(IocFindings.of(b, s, strong ? Stage.POST_EXPLOITATION : Stage.CONTEXT,
                    i.isContent() ? Severity.CRITICAL : null).build());
        }
        if (c.url() == null) return;
        for (UrlIndicator u : iocs.requested(c.url())) {
            Finding.Builder b = FileFindings.about(c, "ioc", u.source().ruleId())
                    .title("File served at a published web-shell URL: " + IocFindings.named(u.source()))
                    .evidence("matched_by", "url")
                    .tag("attack.t1505.003");
            findings.accept(IocFindings.of(b, u.source(), Stage.POST_EXPLOITATION, null).build());
        }
    }
}
