package org.exhunt.hunt.scope;

import com.google.re2j.Pattern;
import java.util.Locale;

/**
 * A Windows-style path pattern, matched without regard to case or slash direction, with or without a drive
 * letter: {@code *} and {@code ?} stay within one folder, {@code **} spans folders.
 * {@code C:\inetpub\**\*.bak} and {@code inetpub/**}{@code /*.bak} are the same pattern.
 * Compiled to RE2J, so matching is linear in the path's length whatever the pattern.
 */
public final class PathGlob {

    private final String text;
    private final Pattern pattern;

    private PathGlob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    public static PathGlob of(String glob) {
        String g = normalize(glob);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
                re.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new PathGlob(glob, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    /** Whether a path (a drive path or a Windows path) matches. */
    public boolean matches(String path) {
        return pattern.matches(normalize(path));
    }

    @Override
    public String toString() {
        return text;
    }

    /** Lower case, forward slashes, no drive letter, no leading slash. */
    static String normalize(String path) {
        String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        if (p.length() >= 2 && p.charAt(1) == ':' && Character.isLetter(p.charAt(0))) p = p.substring(2);
        while (p.startsWith("/")) p = p.substring(1);
        return p;
    }
}
