package org.exhunt.sigma.modifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.exhunt.sigma.value.SigmaValue;

/**
 * Transformations that encode the value: {@code base64}, {@code base64offset} (the three encodings a value
 * takes at byte offsets 0, 1 and 2 inside a longer base64 text, trimmed to their stable middle),
 * {@code utf16le}/{@code wide}, {@code utf16be} and {@code utf16} (little-endian with a byte-order mark).
 * Values must be plain: a wildcard has no encoding.
 */
final class EncodingModifiers {

    private EncodingModifiers() {}

    static final List<Modifier> ALL = List.of(
            Modifier.of("base64", c -> map(c, "base64", b -> List.of(text(Base64.getEncoder().encodeToString(b))))),
            Modifier.of("base64offset", c -> map(c, "base64offset", EncodingModifiers::offsets)),
            Modifier.of("utf16le", c -> map(c, "utf16le", b -> List.of(binary(utf16(b, StandardCharsets.UTF_16LE, false))))),
            Modifier.of("wide", c -> map(c, "wide", b -> List.of(binary(utf16(b, StandardCharsets.UTF_16LE, false))))),
            Modifier.of("utf16be", c -> map(c, "utf16be", b -> List.of(binary(utf16(b, StandardCharsets.UTF_16BE, false))))),
            Modifier.of("utf16", c -> map(c, "utf16", b -> List.of(binary(utf16(b, StandardCharsets.UTF_16LE, true))))));

    private interface Encoding {
        List<SigmaValue> encode(byte[] value);
    }

    private static void map(ValueChain chain, String name, Encoding e) throws ModifierException {
        chain.transform(v -> {
            SigmaValue.Str s;
            if (v instanceof SigmaValue.Str str) s = str;
            else if (v instanceof SigmaValue.Num n) s = SigmaValue.Str.plain(n.text());
            else throw new ModifierException("'" + name + "' takes strings, not " + v);
            if (s.bytes() == null && s.pattern().hasWildcards()) {
                throw new ModifierException("'" + name + "' cannot encode a value with wildcards: " + s);
            }
            return e.encode(s.toBytes());
        });
    }

    /**
     * The value placed at offsets 0, 1 and 2 of a base64 stream: encode it after that many filler bytes, drop
     * the leading characters that depend on the filler and the trailing ones that depend on what follows.
     */
    private static List<SigmaValue> offsets(byte[] value) {
        int[] start = {0, 2, 3};
        List<SigmaValue> out = new ArrayList<>();
        for (int shift = 0; shift < 3; shift++) {
            byte[] padded = new byte[shift + value.length];
            System.arraycopy(value, 0, padded, shift, value.length);
            String enc = Base64.getEncoder().encodeToString(padded);
            int unstableTail = switch ((value.length + shift) % 3) {
                case 1 -> 3;
                case 2 -> 2;
                default -> 0;
            };
            int end = enc.length() - unstableTail;
            if (end > start[shift]) out.add(text(enc.substring(start[shift], end)));
        }
        return out;
    }

    private static byte[] utf16(byte[] utf8, java.nio.charset.Charset cs, boolean bom) {
        byte[] body = new String(utf8, StandardCharsets.UTF_8).getBytes(cs);
        if (!bom) return body;
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    private static SigmaValue text(String s) {
        return SigmaValue.Str.plain(s);
    }

    private static SigmaValue binary(byte[] b) {
        return SigmaValue.Str.binary(b);
    }
}
