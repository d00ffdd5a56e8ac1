package org.exhunt.hunt.detect;

import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.layout.WebShellLocation;

/**
 * One file read for examination: the file, its bytes (read once, shared by every detector; never modify
 * them), their SHA-256, and where it sits on the server. A file whose content could not be read (no permission,
 * over the size cap, an encrypted or damaged archive entry) is still examined by name and place, by the detectors
 * that need no more ({@link FileDetector#needsContent}): then {@code bytes} and {@code sha256} are null.
 *
 * @param location the web-shell location the file lies in, or null
 * @param url      the URL path IIS serves it under, or null
 * @param served   whether it lies in the folders IIS serves ({@code inetpub\wwwroot}, the install's
 *                 {@code FrontEnd\HttpProxy} and {@code ClientAccess}); false for a file read for another reason (a
 *                 digest indicator's size)
 */
public record FileContent(EvidenceFile file, byte[] bytes, String sha256, WebShellLocation location, String url,
                          boolean served) {

    /** A file known by its listing only: its content could not be read. */
    public static FileContent unread(EvidenceFile file, WebShellLocation location, String url, boolean served) {
        return new FileContent(file, null, null, location, url, served);
    }

    /** Whether the content was read ({@link #bytes} and {@link #sha256} are there). */
    public boolean isRead() {
        return bytes != null;
    }
}
