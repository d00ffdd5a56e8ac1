package org.exhunt.hunt.mitigation;

import java.util.List;
import java.util.Locale;

/**
 * One line on Extended Protection, which CVE-2024-21410 (NTLM relay) depends on: reported as information, not
 * as a verdict row. Counts the locations of applicationHost.config whose {@code windowsAuthentication} sets
 * {@code extendedProtection tokenChecking}.
 */
final class ExtendedProtectionSummary {

    private static final int NAMED = 4;

    private ExtendedProtectionSummary() {}

    static String of(boolean sawApplicationHost, List<ExtendedProtectionSetting> settings) {
        String head = "Extended Protection (CVE-2024-21410 depends on it): ";
        if (!sawApplicationHost) return head + "not visible (no applicationHost.config in the evidence)";
        if (settings.isEmpty()) return head + "off (applicationHost.config sets no tokenChecking for any location)";
        List<ExtendedProtectionSetting> weak = settings.stream()
                .filter(s -> !s.tokenChecking().toLowerCase(Locale.ROOT).equals("require")).toList();
        if (weak.isEmpty()) return head + "on (tokenChecking=Require on all " + settings.size() + " locations that set it)";
        if (weak.size() == settings.size() && weak.stream().allMatch(s -> s.tokenChecking().equalsIgnoreCase("None"))) {
            return head + "off (tokenChecking=None on all " + settings.size() + " locations that set it)";
        }
        String named = String.join(", ", weak.stream().limit(NAMED).map(s -> s.location() + "=" + s.tokenChecking()).toList())
                + (weak.size() > NAMED ? " and " + (weak.size() - NAMED) + " more" : "");
        return head + "partly on (Require on " + (settings.size() - weak.size()) + " of " + settings.size()
                + " locations; not on " + named + ")";
    }
}
