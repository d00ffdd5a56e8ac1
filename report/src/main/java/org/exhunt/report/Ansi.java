package org.exhunt.report;

import java.util.Locale;
import org.exhunt.core.Severity;

/**
 * Colour for a terminal, or none: red for what needs acting on (COMPROMISED, VULNERABLE, critical and high),
 * yellow for what needs a look (ATTEMPTED, CANNOT_TELL, UNKNOWN, MITIGATED), green for PATCHED and CLEAN.
 * Colour is never the only carrier of meaning: the words are always there.
 */
final class Ansi {

    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String RESET = "\u001b[0m";

    private final boolean on;

    Ansi(boolean on) {
        this.on = on;
    }

    /** An exposure or compromise word, coloured by what it asks of the reader. */
    String verdict(String word) {
        return switch (word) {
            case "COMPROMISED", "VULNERABLE" -> paint(RED, word);
            case "ATTEMPTED", "CANNOT_TELL", "UNKNOWN", "MITIGATED" -> paint(YELLOW, word);
            case "PATCHED", "CLEAN", "NOT_AFFECTED" -> paint(GREEN, word);
            default -> word;
        };
    }

    /** A finding's level in capitals, coloured. */
    String level(Severity s) {
        String word = s.label().toUpperCase(Locale.ROOT);
        return switch (s) {
            case CRITICAL, HIGH -> paint(RED, word);
            case MEDIUM -> paint(YELLOW, word);
            default -> word;
        };
    }

    private String paint(String colour, String text) {
        return on ? colour + text + RESET : text;
    }
}
