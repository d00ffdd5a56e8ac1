package org.exhunt.hunt.detect;

import org.exhunt.core.Finding;
import org.exhunt.evidence.EvidenceFile;

/** The evidence every finding about a file carries: its Windows path, the URL it is served under, its size and time. */
public final class FileFindings {

    private FileFindings() {}

    /** A finding about a file seen in the listing (no content read). */
    public static Finding.Builder about(EvidenceFile file, String url, String detector, String rule) {
        Finding.Builder b = Finding.builder(detector, rule).source(file.ref()).evidence("path", file.windowsPath());
        if (url != null) b.evidence("url", url);
        return b;
    }

    /**
     * A finding about a file examined for its content: also where it lies among the web-shell locations, and its
     * SHA-256, or that its content could not be read.
     */
    public static Finding.Builder about(FileContent c, String detector, String rule) {
        Finding.Builder b = about(c.file(), c.url(), detector, rule);
        if (c.location() != null) b.evidence("location", c.location().display());
        b.evidence(c.isRead() ? "sha256" : "content", c.isRead() ? c.sha256() : UNREAD);
        return sized(b, c.file());
    }

    /** The {@code content} evidence of a finding about a file whose content could not be read. */
    public static final String UNREAD = "not read (see what the report lists as not read)";

    /** Adds the file's size and modification time (the finding's time) to a finding. */
    public static Finding.Builder sized(Finding.Builder b, EvidenceFile file) {
        b.evidence("size", Long.toString(file.size()));
        if (file.modified() != null) b.time(file.modified()).evidence("modified", file.modified().toString());
        return b;
    }
}
