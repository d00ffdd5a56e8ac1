package org.exhunt.hunt.mitigation;

import java.util.List;

/** What one IIS configuration file says about rewrite rules and Extended Protection. */
public record IisConfig(List<RewriteRule> rules, List<ExtendedProtectionSetting> extendedProtection) {

    public IisConfig {
        rules = List.copyOf(rules);
        extendedProtection = List.copyOf(extendedProtection);
    }
}
