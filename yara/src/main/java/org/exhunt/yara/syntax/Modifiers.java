package org.exhunt.yara.syntax;

/**
 * String modifiers as written. {@code xorMin}/{@code xorMax} are set when {@code xor} is; the alphabets
 * when {@code base64}/{@code base64wide} are (null otherwise).
 */
public record Modifiers(boolean ascii, boolean wide, boolean nocase, boolean fullword, boolean isPrivate,
        boolean xor, int xorMin, int xorMax, byte[] base64Alphabet, byte[] base64WideAlphabet) {

    public static final Modifiers NONE = new Modifiers(false, false, false, false, false, false, 0, 0, null, null);

    public boolean base64() {
        return base64Alphabet != null;
    }

    public boolean base64Wide() {
        return base64WideAlphabet != null;
    }
}
