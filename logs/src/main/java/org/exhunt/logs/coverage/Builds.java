package org.exhunt.logs.coverage;

import java.util.Comparator;

/** Exchange build numbers as logs write them, in the short form the knowledge base uses. */
public final class Builds {

    private Builds() {}

    /** Compares short builds part by part, numerically. */
    public static final Comparator<String> ORDER = (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    };

    /**
     * {@code 15.01.2375.007} or {@code 15.1.2375.7} gives {@code 15.1.2375.7}; null for anything that is not
     * four dot-separated numbers of sane size, and for placeholders whose last two parts are 0.
     */
    public static String normalize(String version) {
        if (version == null) return null;
        String[] parts = version.trim().split("\\.", -1);
        if (parts.length != 4) return null;
        long[] n = new long[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 6) return null;
            for (int k = 0; k < p.length(); k++) if (p.charAt(k) < '0' || p.charAt(k) > '9') return null;
            n[i] = Long.parseLong(p);
        }
        if (n[2] == 0 && n[3] == 0) return null;
        return n[0] + "." + n[1] + "." + n[2] + "." + n[3];
    }
}
