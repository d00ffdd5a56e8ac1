package org.exhunt.kb;

/**
 * An IIS URL Rewrite rule published to block an exploited CVE ({@code rules/kb/url-rewrite-mitigations.csv}).
 * A rule is recognised by content: an enabled rule aborting the request, with a condition on {@link #input}
 * (any input when empty) whose pattern equals {@link #pattern} ignoring case.
 *
 * @param id        stable id, e.g. {@code eomt-beresource}
 * @param group     the rules installed together ({@code EOMT}); a group mitigates only when all are present
 * @param ruleName  the name the publishing tool gives the rule, or empty
 * @param blocks    the CVE it blocks
 * @param input     the server variable the condition tests, e.g. {@code {HTTP_COOKIE}}
 * @param pattern   the condition's pattern
 * @param effective false for a rule that was later found to be bypassable
 * @param note      what it is and what it does not cover
 * @param source    where it comes from
 */
public record UrlRewriteMitigation(String id, String group, String ruleName, String blocks, String input,
                                   String pattern, boolean effective, String note, String source) {}
