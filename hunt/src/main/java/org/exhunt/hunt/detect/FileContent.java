package org.exhunt.hunt.detect;

import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.layout.WebShellLocation;

/**
 * One file read for examination: the file, its bytes (read once, shared by every detector; never modify
 * them), their SHA-256, and where it sits on the server.
 *
 * @param location the web-shell location the file lies in, or null
 * @param url      the URL path IIS serves it under, or null
 */
public record FileContent(EvidenceFile file, byte[] bytes, String sha256, WebShellLocation location, String url) {}
