package org.exhunt.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The report's stylesheet and script, read from {@code html/} beside this class and inlined into the page,
 * and the Content-Security-Policy that allows exactly those two by their SHA-256 hashes. Nothing else may
 * load or run: no network, no other script (an injected {@code <script>} or {@code onerror=} would be
 * refused by the browser even if escaping ever failed), no images, no fonts, no frames, no forms that post.
 */
final class HtmlAssets {

    static final String CSS = resource("html/report.css");
    static final String JS = resource("html/report.js");

    /** The policy for the {@code <meta http-equiv="Content-Security-Policy">} tag. */
    static final String CSP = "default-src 'none'; style-src '" + hash(CSS) + "'; script-src '" + hash(JS)
            + "'; img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";

    private HtmlAssets() {}

    /** A CSP hash source, {@code sha256-<base64>}, of the exact text between the tags. */
    static String hash(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlAssets.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " missing from the build");
            // the browser hashes the text after HTML's newline normalisation: hash the same text
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
            if (text.contains("</")) throw new IllegalStateException(name + " must not contain '</'");
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
