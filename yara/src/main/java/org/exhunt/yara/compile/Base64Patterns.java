package org.exhunt.yara.compile;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@code base64}/{@code base64wide} string into the regex libyara searches for ({@code base64.c}):
 * the string is encoded three times, after 0, 1 and 2 filler bytes, and each encoding loses the characters
 * that depend on its unknown neighbours; the regex is the alternation of the (escaped) results, widened for
 * {@code base64wide}. The plaintext is the string itself for {@code ascii} (the default) and the string with
 * interleaved zeros for {@code wide}.
 */
final class Base64Patterns {

    private Base64Patterns() {}

    /** The regex body (between slashes) for {@code text} with these modifiers. */
    static byte[] regex(byte[] text, boolean ascii, boolean wide, byte[] base64, byte[] base64Wide) {
        List<byte[]> encodings = new ArrayList<>();
        if (wide) {
            byte[] w = widen(text);
            if (base64 != null) encodings.addAll(encodings(w, base64, false));
            if (base64Wide != null) encodings.addAll(encodings(w, base64Wide, true));
        }
        if (ascii || !wide) {
            if (base64 != null) encodings.addAll(encodings(text, base64, false));
            if (base64Wide != null) encodings.addAll(encodings(text, base64Wide, true));
        }
        ByteArrayOutputStream re = new ByteArrayOutputStream();
        re.write('(');
        for (int n = 0; n < encodings.size(); n++) {
            if (n > 0) re.write('|');
            for (byte b : encodings.get(n)) {
                if (isMeta(b)) re.write('\\');
                if (b == 0) {
                    re.writeBytes(new byte[] {'\\', 'x', '0', '0'});
                } else {
                    re.write(b);
                }
            }
        }
        re.write(')');
        return re.toByteArray();
    }

    private static boolean isMeta(byte x) {
        return x == '\\' || x == '^' || x == '$' || x == '|' || x == '(' || x == ')' || x == '[' || x == ']'
                || x == '*' || x == '?' || x == '{' || x == ',' || x == '.' || x == '+' || x == '}';
    }

    private static List<byte[]> encodings(byte[] plain, byte[] alphabet, boolean wideResult) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i <= 2; i++) {
            if (i == 1 && plain.length == 1) continue;
            int[] pad = new int[1];
            byte[] encoded = encode(plain, alphabet, i, pad);
            int trailing = pad[0] != 0 ? pad[0] + 1 : 0;
            int leading = i != 0 ? i + 1 : 0;
            int length = encoded.length - (leading + trailing);
            byte[] sub = new byte[Math.max(0, length)];
            System.arraycopy(encoded, leading, sub, 0, sub.length);
            out.add(wideResult ? widen(sub) : sub);
        }
        return out;
    }

    /** Base64 of {@code i} 'A' bytes followed by {@code in}; {@code pad[0]} receives the padding length. */
    private static byte[] encode(byte[] in, byte[] alphabet, int i, int[] pad) {
        int len = in.length;
        pad[0] = ((i + len) % 3) != 0 ? 3 - ((i + len) % 3) : 0;
        byte[] src = new byte[len + i];
        for (int j = 0; j < i; j++) src[j] = 'A';
        System.arraycopy(in, 0, src, i, len);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int p = 0;
        int end = src.length;
        while (end - p >= 3) {
            out.write(alphabet[(src[p] & 0xFF) >> 2]);
            out.write(alphabet[((src[p] & 0x03) << 4) | ((src[p + 1] & 0xFF) >> 4)]);
            out.write(alphabet[((src[p + 1] & 0x0F) << 2) | ((src[p + 2] & 0xFF) >> 6)]);
            out.write(alphabet[src[p + 2] & 0x3F]);
            p += 3;
        }
        if (end - p > 0) {
            out.write(alphabet[(src[p] & 0xFF) >> 2]);
            if (end - p == 1) {
                out.write(alphabet[(src[p] & 0x03) << 4]);
                out.write('=');
            } else {
                out.write(alphabet[((src[p] & 0x03) << 4) | ((src[p + 1] & 0xFF) >> 4)]);
                out.write(alphabet[(src[p + 1] & 0x0F) << 2]);
            }
            out.write('=');
        }
        return out.toByteArray();
    }

    static byte[] widen(byte[] s) {
        byte[] w = new byte[s.length * 2];
        for (int i = 0; i < s.length; i++) w[2 * i] = s[i];
        return w;
    }
}
