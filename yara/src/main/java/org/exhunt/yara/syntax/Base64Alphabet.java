package org.exhunt.yara.syntax;

import java.nio.charset.StandardCharsets;

/** The standard base64 alphabet, the default of the {@code base64} and {@code base64wide} modifiers. */
public final class Base64Alphabet {

    private Base64Alphabet() {}

    public static final byte[] DEFAULT =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
}
