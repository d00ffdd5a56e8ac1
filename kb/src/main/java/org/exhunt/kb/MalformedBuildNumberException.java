package org.exhunt.kb;

/** A text that is not an Exchange build number; the message quotes it and says what is wrong. */
public final class MalformedBuildNumberException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    MalformedBuildNumberException(String text, String problem) {
        super("'" + text + "' is not a build number: " + problem + " (expected e.g. 15.1.2176.2 or 15.01.2176.002)");
    }
}
