package org.exhunt.yara.compile;

import java.util.Arrays;

/**
 * A byte sequence of at most {@value Atoms#MAX_LENGTH} bytes that must occur for a string to match, as
 * libyara's {@code YR_ATOM_LIST_ITEM}. {@code backtrack} is how far before the atom the string starts (for
 * text strings); {@code forwardEntry}/{@code backwardEntry} are where a regex or hex string's programs start
 * verifying from the atom (-1 for text strings, and {@code backwardEntry} -1 when there is nothing before it).
 */
public final class Atom {

    final byte[] bytes;
    final byte[] mask;
    int length;
    int backtrack;
    int forwardEntry = -1;
    int backwardEntry = -1;

    Atom(int capacity) {
        bytes = new byte[Atoms.MAX_LENGTH];
        mask = new byte[Atoms.MAX_LENGTH];
        length = Math.min(capacity, Atoms.MAX_LENGTH);
    }

    Atom copy() {
        Atom a = new Atom(0);
        System.arraycopy(bytes, 0, a.bytes, 0, bytes.length);
        System.arraycopy(mask, 0, a.mask, 0, mask.length);
        a.length = length;
        a.backtrack = backtrack;
        a.forwardEntry = forwardEntry;
        a.backwardEntry = backwardEntry;
        return a;
    }

    public byte[] bytes() {
        return Arrays.copyOf(bytes, length);
    }

    public int backtrack() {
        return backtrack;
    }

    public int forwardEntry() {
        return forwardEntry;
    }

    public int backwardEntry() {
        return backwardEntry;
    }

    /** Whether {@code other} is the same atom at the same place of its string. */
    boolean sameAs(Atom other) {
        return length == other.length && backtrack == other.backtrack && forwardEntry == other.forwardEntry
                && backwardEntry == other.backwardEntry && Arrays.equals(bytes, 0, length, other.bytes, 0, length)
                && Arrays.equals(mask, 0, length, other.mask, 0, length);
    }

    int mask(int i) {
        return mask[i] & 0xFF;
    }

    int b(int i) {
        return bytes[i] & 0xFF;
    }

    /** Hex bytes, {@code ??} or nibble masks, then {@code @backtrack} when not 0. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) s.append(' ');
            switch (mask(i)) {
                case 0xFF -> s.append(String.format("%02X", b(i)));
                case 0x00 -> s.append("??");
                case 0x0F -> s.append(String.format("?%X", b(i) & 0x0F));
                default -> s.append(String.format("%X?", b(i) >> 4));
            }
        }
        if (backtrack != 0) s.append('@').append(backtrack);
        return s.toString();
    }
}
