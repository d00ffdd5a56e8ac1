package org.exhunt.hunt.ioc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digests of a file's content that indicators are matched against, lower-case hex, each null when it was not
 * computed: none for a file only listed, SHA-256 for every file read, SHA-1 and MD5 only when an indicator asks for
 * them. What is known of the file besides its content is its {@link org.exhunt.core.FileFacts}.
 */
public record FileDigests(String sha256, String sha1, String md5) {

    /** A file whose content was not read. */
    public static final FileDigests NONE = new FileDigests(null, null, null);

    /** The content's digest by a JDK algorithm name ({@code SHA-256}, {@code SHA-1}, {@code MD5}), lower-case hex. */
    public static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }
}
