package org.exhunt.yara;

/**
 * How {@code yara} 4.2.3 prints matches: {@code 0xOFFSET:$id: data}, where text data shows printable ASCII
 * as is and other bytes as {@code \xNN}, hex strings show at most 64 spaced hex bytes then {@code ...};
 * and {@code -m} metadata with C-style escapes. Shared by the command line and the tests that compare
 * with {@code yara}.
 */
public final class YaraText {

    private YaraText() {}

    /** The {@code -s} line of a match (with {@code length} for {@code -L}). */
    public static String stringLine(StringMatch m, boolean showData, boolean showLength) {
        StringBuilder s = new StringBuilder("0x").append(Long.toHexString(m.offset()));
        if (showLength) s.append(':').append(m.data().length);
        s.append(':').append(m.identifier());
        if (showData) {
            s.append(": ");
            if (m.hex()) hex(s, m.data());
            else text(s, m.data());
        }
        return s.toString();
    }

    private static void text(StringBuilder s, byte[] data) {
        for (byte b : data) {
            int c = b & 0xFF;
            if (c >= 32 && c <= 126) s.append((char) c);
            else s.append(String.format("\\x%02X", c));
        }
    }

    private static void hex(StringBuilder s, byte[] data) {
        int n = Math.min(64, data.length);
        for (int i = 0; i < n; i++) {
            if (i > 0) s.append(' ');
            s.append(String.format("%02X", data[i] & 0xFF));
        }
        if (data.length > 64) s.append(" ...");
    }

    /** {@code -m}: {@code [a="x",b=1,c=true]}; text escaped as libyara's {@code print_escaped}. */
    public static String metas(RuleMatch rule) {
        StringBuilder s = new StringBuilder("[");
        boolean first = true;
        for (RuleMatch.Meta m : rule.metas()) {
            if (!first) s.append(',');
            first = false;
            if (m.raw() != null) {
                s.append(m.name()).append("=\"");
                escaped(s, m.raw());
                s.append('"');
            } else if (m.value() instanceof Boolean b) {
                s.append(m.name()).append('=').append(b ? "true" : "false");
            } else {
                // libyara prints integers as "name =value".
                s.append(m.name()).append(" =").append(m.value());
            }
        }
        return s.append(']').toString();
    }

    private static void escaped(StringBuilder s, byte[] data) {
        for (byte b : data) {
            int c = b & 0xFF;
            switch (c) {
                case '"', '\'', '\\' -> s.append('\\').append((char) c);
                case 7 -> s.append("\\a");
                case 8 -> s.append("\\b");
                case 9 -> s.append("\\t");
                case 10 -> s.append("\\n");
                case 11 -> s.append("\\v");
                case 12 -> s.append("\\f");
                case 13 -> s.append("\\r");
                default -> {
                    if (c >= 127 || c < 32) s.append(String.format("\\%03o", c));
                    else s.append((char) c);
                }
            }
        }
    }
}
