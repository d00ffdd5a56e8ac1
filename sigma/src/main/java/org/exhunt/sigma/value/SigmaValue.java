package org.exhunt.sigma.value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One value of a detection item as the modifiers see it, from the YAML scalar it was written as. */
public sealed interface SigmaValue {

    /**
     * A string. {@code raw} is the text as written (what {@code re} and {@code expand} read); {@code pattern} is
     * its Sigma reading with wildcards; {@code bytes} is set once an encoding modifier made it binary.
     */
    record Str(String raw, SigmaString pattern, byte[] bytes) implements SigmaValue {
        public static Str of(String raw) {
            return new Str(raw, SigmaString.parse(raw), null);
        }

        /** A value produced by a transformation: literal text, no wildcards. */
        public static Str plain(String text) {
            return new Str(text, SigmaString.plain(text), null);
        }

        /** Encoded bytes; as text they read one char per byte, so they can still be matched. */
        public static Str binary(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return new Str(text, SigmaString.plain(text), bytes.clone());
        }

        /** The bytes an encoding modifier works on: the encoded bytes, or the text as UTF-8. */
        public byte[] toBytes() {
            return bytes != null ? bytes.clone() : pattern.plainText().getBytes(StandardCharsets.UTF_8);
        }

        @Override public boolean equals(Object o) {
            return o instanceof Str s && s.raw.equals(raw) && s.pattern.equals(pattern) && Arrays.equals(s.bytes, bytes);
        }

        @Override public int hashCode() {
            return raw.hashCode();
        }

        @Override public String toString() {
            return "'" + pattern + "'";
        }
    }

    /** A number, with its text as written ({@code 0x17} stays {@code 0x17}). */
    record Num(String text, double value) implements SigmaValue {
        @Override public String toString() { return text; }
    }

    record Bool(boolean value) implements SigmaValue {
        @Override public String toString() { return String.valueOf(value); }
    }

    /** {@code null}: the field is absent (or empty). */
    enum Null implements SigmaValue {
        NULL;
        @Override public String toString() { return "null"; }
    }
}
