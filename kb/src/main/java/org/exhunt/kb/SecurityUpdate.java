package org.exhunt.kb;

import java.util.Set;

/**
 * An update that first fixed some CVEs ({@code rules/kb/security-updates.csv}), known by its KB number.
 *
 * @param kb     {@code KB5000871}
 * @param name   {@code March 2021 security update}
 * @param fixes  the CVEs it fixes
 * @param source where that comes from
 */
public record SecurityUpdate(String kb, String name, Set<String> fixes, String source) {

    public SecurityUpdate {
        fixes = Set.copyOf(fixes);
    }
}
