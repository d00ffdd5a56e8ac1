package org.exhunt.hunt.mitigation;

import java.util.List;
import java.util.Locale;
import org.exhunt.core.facts.ExtendedProtection;

/**
 * Extended Protection, which CVE-2024-21410 (NTLM relay) depends on, from the locations of applicationHost.config
 * whose {@code windowsAuthentication} sets {@code extendedProtection tokenChecking}: on when every one requires it,
 * off when none sets it or all set {@code None}, partly on otherwise; not visible without applicationHost.config.
 */
final class ExtendedProtectionState {

    private ExtendedProtectionState() {}

    static ExtendedProtection of(boolean sawApplicationHost, List<ExtendedProtectionSetting> settings) {
        List<ExtendedProtection.Setting> all = settings.stream()
                .map(s -> new ExtendedProtection.Setting(s.location(), s.tokenChecking())).toList();
        return new ExtendedProtection(state(sawApplicationHost, all), all);
    }

    private static ExtendedProtection.State state(boolean sawApplicationHost, List<ExtendedProtection.Setting> settings) {
        if (!sawApplicationHost) return ExtendedProtection.State.NOT_VISIBLE;
        if (settings.isEmpty()) return ExtendedProtection.State.OFF;
        List<ExtendedProtection.Setting> weak = settings.stream()
                .filter(s -> !s.tokenChecking().toLowerCase(Locale.ROOT).equals("require")).toList();
        if (weak.isEmpty()) return ExtendedProtection.State.ON;
        if (weak.size() == settings.size() && weak.stream().allMatch(s -> s.tokenChecking().equalsIgnoreCase("None"))) {
            return ExtendedProtection.State.OFF;
        }
        return ExtendedProtection.State.PARTLY_ON;
    }
}
