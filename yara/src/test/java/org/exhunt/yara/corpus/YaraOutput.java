package org.exhunt.yara.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code yara -s} output as data: for each (file, rule) that matched, its string lines in order. Parsing
 * both tools' outputs into this form makes the comparison independent of the order threads print in.
 */
final class YaraOutput {

    private YaraOutput() {}

    /** Key {@code file\u0000rule} to string lines. */
    static Map<String, List<String>> parse(String output) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : output.split("\n")) {
            if (line.isEmpty()) continue;
            if (line.startsWith("0x") && current != null) {
                current.add(line);
                continue;
            }
            int space = line.indexOf(' ');
            String rule = line.substring(0, space);
            String file = line.substring(space + 1);
            current = new ArrayList<>();
            blocks.put(file + "\u0000" + rule, current);
        }
        return blocks;
    }
}
