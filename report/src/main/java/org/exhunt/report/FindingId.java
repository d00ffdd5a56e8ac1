package org.exhunt.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.core.SourceRef;

/**
 * A finding's identity across runs and formats: the SHA-256 of what makes it the same finding (server,
 * detector, rule, where and when it was seen, and its evidence), not of how it is worded (title,
 * severity). The same evidence scanned twice gets the same id, so CSV rows, ECS documents, SARIF results
 * and HTML rows of one finding can be matched, and SARIF consumers can de-duplicate across runs.
 */
final class FindingId {

    /** Characters of the short id used in CSV, ECS and HTML: 64 bits, plenty for one report. */
    static final int SHORT_LENGTH = 16;

    private FindingId() {}

    /** The full fingerprint, 64 hex digits. */
    static String fingerprint(String server, Finding f) {
        StringBuilder canonical = new StringBuilder();
        part(canonical, server);
        part(canonical, f.detector());
        part(canonical, f.ruleId());
        SourceRef s = f.source();
        part(canonical, s.file());
        part(canonical, Long.toString(s.line()));
        part(canonical, Long.toString(s.offset()));
        part(canonical, s.recordId() == null ? "" : s.recordId());
        part(canonical, f.time() == null ? "" : f.time().toString());
        for (Evidence e : f.evidence()) {
            part(canonical, e.name());
            part(canonical, e.value());
        }
        return HexFormat.of().formatHex(sha256(canonical.toString()));
    }

    /** The short id, the first {@link #SHORT_LENGTH} hex digits of the fingerprint. */
    static String of(String server, Finding f) {
        return fingerprint(server, f).substring(0, SHORT_LENGTH);
    }

    /** Length-prefixed, so that no two different lists of parts encode alike. */
    private static void part(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value).append(';');
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
