package org.exhunt.report;

import java.util.ArrayList;
import java.util.List;

/** Plain-text wrapping for the console: lines of at most a width, broken at spaces, a longer word on a line of its own. */
final class Wrap {

    private Wrap() {}

    static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }
}
