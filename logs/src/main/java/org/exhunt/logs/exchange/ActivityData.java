package org.exhunt.logs.exchange;

import java.util.function.BiConsumer;

/**
 * Expands Exchange's activity-context blobs (ECP EventData): {@code ;}-separated pairs
 * {@code PREFIX:KEY=value}, where PREFIX is the value type ({@code S}, {@code I32}, {@code F}, {@code Dbl}),
 * and a pair holding {@code ;} or {@code '} is written inside single quotes with {@code '} doubled:
 * <pre>S:TIME=13;S:CMD=Get-InboxRule;'S:CMD=Set-OabVirtualDirectory.ExternalUrl=''http://f/&lt;script…''';S:BLD=15.1.2375.7</pre>
 * Each pair becomes field {@code KEY} (without the prefix) with its value; empty values are left out.
 */
final class ActivityData {

    /** The value types Exchange writes before a key. */
    private static final String[] TYPE_PREFIXES = {"S", "I32", "I64", "F", "Dbl"};

    private ActivityData() {}

    static void expand(String data, BiConsumer<String, String> out) {
        int i = 0;
        int n = data.length();
        StringBuilder quoted = new StringBuilder();
        while (i < n) {
            char c = data.charAt(i);
            if (c == ';') {
                i++;
                continue;
            }
            String pair;
            if (c == '\'') {
                quoted.setLength(0);
                int j = i + 1;
                while (j < n) {
                    char q = data.charAt(j);
                    if (q == '\'') {
                        if (j + 1 < n && data.charAt(j + 1) == '\'') {
                            quoted.append('\'');
                            j += 2;
                            continue;
                        }
                        j++;
                        break;
                    }
                    quoted.append(q);
                    j++;
                }
                pair = quoted.toString();
                int semi = data.indexOf(';', j);
                i = semi < 0 ? n : semi;   // anything between the closing quote and ';' is not part of a pair
            } else {
                int semi = data.indexOf(';', i);
                int end = semi < 0 ? n : semi;
                pair = data.substring(i, end);
                i = end;
            }
            emit(pair, out);
        }
    }

    private static void emit(String pair, BiConsumer<String, String> out) {
        int eq = pair.indexOf('=');
        if (eq <= 0) return;
        int colon = pair.indexOf(':');
        int keyStart = colon > 0 && colon < eq && isPrefix(pair, colon) ? colon + 1 : 0;
        if (keyStart == eq || eq + 1 == pair.length()) return;
        out.accept(pair.substring(keyStart, eq), pair.substring(eq + 1));
    }

    private static boolean isPrefix(String s, int end) {
        for (String p : TYPE_PREFIXES) if (p.length() == end && s.startsWith(p)) return true;
        return false;
    }
}
