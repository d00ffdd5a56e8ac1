package org.exhunt.hunt.mitigation;

import java.util.List;
import org.exhunt.core.SourceRef;

/**
 * An inbound IIS URL Rewrite rule.
 *
 * @param name       the rule's name
 * @param scope      where it applies: {@code server} (global or server-level rules), a site or an application
 *                   path such as {@code Default Web Site} or {@code Default Web Site/owa}
 * @param enabled    false when the rule has {@code enabled="false"}
 * @param matchUrl   the {@code <match url>} pattern, or empty
 * @param action     the {@code <action type>}, e.g. {@code AbortRequest}
 * @param conditions its conditions, in order
 * @param where      the file and line of the {@code <rule>} element
 */
public record RewriteRule(String name, String scope, boolean enabled, String matchUrl, String action,
                          List<Condition> conditions, SourceRef where) {

    /** A condition: the server variable tested, the pattern, and how. */
    public record Condition(String input, String pattern, boolean negate, boolean ignoreCase) {}

    public RewriteRule {
        conditions = List.copyOf(conditions);
    }
}
