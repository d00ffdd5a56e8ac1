package org.exhunt.sigma.rule;

import java.util.List;

/**
 * A Sigma filter document: extra conditions a site adds to the rules it names, each of which then fires only
 * when the filter's condition does not hold (rule AND NOT filter). The detection is kept as a
 * {@link SigmaRule} (its id, title, log source and detection) so it compiles like a rule's.
 *
 * @param rules ids or names of the rules it applies to
 */
public record SigmaFilter(SigmaRule detection, List<String> rules) {

    public SigmaFilter {
        rules = List.copyOf(rules);
    }

    public String id() {
        return detection.id();
    }
}
