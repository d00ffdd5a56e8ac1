package org.exhunt.hunt.detect;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.core.facts.SigmaSummary;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.logs.file.FileRecords;

/**
 * Sigma rules on a server's file records (type {@code file}, log source {@code product: windows, category: file}:
 * docs/sigma.md): one record per listed file, with {@code sha256} and {@code head} only for the files the scan
 * reads anyway; no file is read for them. Nothing is built when no loaded rule reads file records, so that a
 * listing of 50,000 files costs nothing more without such rules. Thread-safe.
 *
 * <p>A firing is a finding about the file: the evidence every file finding carries ({@link FileFindings}: path,
 * URL, SHA-256, size, modification time as the finding's time), then the values the rule matched, so that
 * allowlists, linking to a chain and {@code --collect} treat it as they treat the file detectors' findings. A file
 * on disk is left behind, never an exploit request: the attribution step gives a rule that states no stage the stage
 * of a file finding ({@link org.exhunt.core.Stage#unstated}, as for YARA's).
 */
public final class SigmaFileRecords {

    private final SigmaDetector sigma;
    private final boolean wanted;
    private final AtomicInteger described = new AtomicInteger();
    private final AtomicInteger withContent = new AtomicInteger();

    public SigmaFileRecords(SigmaDetector sigma) {
        this.sigma = sigma;
        this.wanted = sigma.reads(FileRecords.TYPE);
    }

    /** Whether some rule reads file records; when not, every other call does nothing. */
    public boolean wanted() {
        return wanted;
    }

    /**
     * A file whose content is not examined (only listed, too large, or unreadable).
     *
     * @param url the URL path IIS serves it under, or null
     */
    public void listed(EvidenceFile file, String url, Consumer<Finding> findings) {
        if (!wanted) return;
        described.incrementAndGet();
        sigma.examine(FileRecords.listed(file.facts()), f -> findings.accept(
                aboutFile(f, FileFindings.sized(FileFindings.about(file, url, f.detector(), f.ruleId()), file))));
    }

    /** A file whose content was read for the file detectors: its record has the content's SHA-256 and head. */
    public void read(FileContent c, Consumer<Finding> findings) {
        if (!wanted) return;
        described.incrementAndGet();
        withContent.incrementAndGet();
        sigma.examine(FileRecords.withContent(c.file().facts(), c.bytes(), c.sha256()),
                f -> findings.accept(aboutFile(f, FileFindings.about(c, f.detector(), f.ruleId()))));
    }

    /** What the rules on file records saw, once the files are examined; null when none runs. */
    public SigmaSummary.FileRecords seen() {
        return wanted ? new SigmaSummary.FileRecords(described.get(), withContent.get()) : null;
    }

    /** The rule's finding as a finding about the file: the file's evidence first, then what the rule matched. */
    private static Finding aboutFile(Finding onRecord, Finding.Builder file) {
        Finding place = file.title(onRecord.title()).severity(onRecord.severity()).stage(onRecord.stage()).build();
        Finding.Builder b = Finding.builder(place).chain(onRecord.chain()).tags(onRecord.tags());
        onRecord.meta().forEach(b::meta);
        for (Evidence e : onRecord.evidence()) {
            // the record's raw text is the file's path, already given
            if (!e.name().equals("raw") && !place.evidence().contains(e)) b.evidence(e.name(), e.value());
        }
        return b.build();
    }
}
