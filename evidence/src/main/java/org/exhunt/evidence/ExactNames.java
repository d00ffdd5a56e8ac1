package org.exhunt.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * File names as they are, when they are not UTF-8. Linux lets a name hold any bytes; Java turns those that are not
 * UTF-8 into U+FFFD in {@link Path#toString()}, so a report would name a file nobody can find (and two such files
 * alike). Here each such byte is written {@code \xNN} instead, as bash's {@code $'...'} quoting reads it back:
 * {@code a\xffb.aspx} is found with {@code ls $'a\xffb.aspx'}. The {@link Path} itself keeps the exact bytes, so the
 * file is still opened; only the text shown changes. Valid UTF-8 names (and every name on Windows, which stores
 * UTF-16) are returned unchanged. Under a locale that is not UTF-8 ({@code LANG=C}), where Java shows every byte
 * outside ASCII as {@code ?}, the names are read back from their bytes as UTF-8 the same way.
 */
public final class ExactNames {

    private ExactNames() {}

    /** The path as text, with the bytes of its names that are not UTF-8 as {@code \xNN}. */
    public static String of(Path path) {
        String text = path.toString();
        if (!lossy(text) || !"/".equals(path.getFileSystem().getSeparator())) return text;
        StringBuilder out = new StringBuilder(text.length() + 16);
        if (path.getRoot() != null) out.append(path.getRoot());
        boolean first = true;
        for (Path name : path) {
            if (!first) out.append('/');
            out.append(name(name));
            first = false;
        }
        return out.toString();
    }

    /** One name (a single path element) as text, exact. */
    public static String name(Path name) {
        String text = name.toString();
        if (!lossy(text) || !"/".equals(name.getFileSystem().getSeparator())) return text;
        // the URI of a Unix path carries its exact bytes, every byte outside ASCII as %XX
        String raw = name.toUri().getRawPath();
        if (raw.endsWith("/")) raw = raw.substring(0, raw.length() - 1); // added when the name is a folder's
        return decode(percentDecoded(raw.substring(raw.lastIndexOf('/') + 1)));
    }

    /** Whether Java may have lost bytes of the name: U+FFFD, or '?' for what a non-UTF-8 locale cannot decode. */
    private static boolean lossy(String text) {
        return text.indexOf('\uFFFD') >= 0 || text.indexOf('?') >= 0;
    }

    /** Bytes read as UTF-8, each byte that is not part of a valid sequence written {@code \xNN}. */
    public static String decode(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        while (true) {
            CoderResult r = utf8.decode(in, chars, true);
            out.append(chars.flip());
            chars.clear();
            if (r.isUnderflow()) break;
            for (int i = 0; i < r.length(); i++) out.append(String.format("\\x%02x", in.get() & 0xff));
        }
        return out.toString();
    }

    private static byte[] percentDecoded(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }
}
