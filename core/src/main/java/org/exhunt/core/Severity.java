package org.exhunt.core;

import java.util.Locale;

/** How serious a finding is, with Sigma's level names. Ordered from least to most serious. */
public enum Severity {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case name used in rules and reports ({@code high}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a Sigma level or a YARA {@code score}-style label; {@code info} is accepted for informational. */
    public static Severity parse(String label) {
        String s = label.trim().toUpperCase(Locale.ROOT);
        if (s.equals("INFO")) return INFORMATIONAL;
        return valueOf(s);
    }
}
