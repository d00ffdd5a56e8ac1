package org.exhunt.evidence;

/** A path exhunt cannot read as evidence (a disk image, another archive format, nothing there), and why. */
public final class UnsupportedEvidenceException extends Exception {

    public UnsupportedEvidenceException(String message) {
        super(message);
    }
}
