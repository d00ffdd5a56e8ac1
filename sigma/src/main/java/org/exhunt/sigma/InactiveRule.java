package org.exhunt.sigma;

import java.util.List;
import org.exhunt.sigma.rule.SigmaRule;

/** A rule that loaded but cannot run: its {@code expand} placeholders have no configured values. */
public record InactiveRule(SigmaRule rule, List<String> placeholders) {

    public InactiveRule {
        placeholders = List.copyOf(placeholders);
    }

    public String reason() {
        return "no values for placeholder" + (placeholders.size() > 1 ? "s" : "") + " "
                + String.join(", ", placeholders.stream().map(p -> "%" + p + "%").toList());
    }
}
