package org.exhunt.hunt.detect;

import java.util.Locale;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;
import org.exhunt.hunt.ioc.IndicatorSource;

/** What every finding of an indicator carries: its campaign, chain and stage, who published it and where it was read. */
final class IocFindings {

    private IocFindings() {}

    /**
     * Completes a finding of an indicator: the list's stage wins over {@code defaultStage}; the severity follows
     * the stage (what states an intrusion is high, context is medium) unless {@code severity} is given.
     */
    static Finding.Builder of(Finding.Builder b, IndicatorSource s, Stage defaultStage, Severity severity) {
        Stage stage = s.stage() == null ? defaultStage : s.stage();
        b.stage(stage).chain(s.chain()).meta("reference", s.reference()).meta("indicator", s.origin().toString());
        if (!s.campaign().isEmpty()) b.tag("campaign." + slug(s.campaign()));
        return b.severity(severity != null ? severity : stage == Stage.CONTEXT ? Severity.MEDIUM : Severity.HIGH);
    }

    /**
     * A campaign name as a tag word: lower case, each run of other characters than {@code a-z0-9} one {@code -}, none at
     * either end ({@code "HAFNIUM / DEV-0322"} gives {@code hafnium-dev-0322}). By hand, not with regular expressions:
     * it runs for every finding of an indicator, which can be every line of a log.
     */
    static String slug(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && out.length() > 0) out.append('-');
                out.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** {@code name (campaign)}, or the name alone. */
    static String named(IndicatorSource s) {
        return s.campaign().isEmpty() ? s.name() : s.name() + " (" + s.campaign() + ")";
    }
}
