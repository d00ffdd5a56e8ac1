package org.exhunt.hunt.history;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.kb.BuildNumber;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.kb.MalformedBuildNumberException;

/**
 * The build an Exchange update's installer name stands for. Windows Installer names an update by its title:
 * {@code Security Update for Exchange Server 2019 Cumulative Update 12 (KB5019758) 15.2.1118.20} (later updates
 * end with their build; a Microsoft Q&amp;A thread on the Nov22SU quotes Windows Installer's 1023 event with this
 * name), {@code Security Update for Exchange Server 2016 Cumulative Update 19 (KB5000871)} (earlier ones do not:
 * HealthChecker lists such names as the server's installed updates). Without a build, the knowledge base names it
 * by product, CU and KB article.
 */
final class UpdateNames {

    private static final Pattern NAME = Pattern.compile("(?i)\\bUpdate for (Exchange Server (2013|2016|2019|SE|Subscription Edition))"
            + "(?: (?:Cumulative Update|CU) ?(\\d+)| (RTM))?[^(]*\\((KB\\d+)\\)(?:\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+))?");

    private UpdateNames() {}

    /** The build, or empty when the name is no Exchange update's or the knowledge base cannot place it. */
    static Optional<BuildNumber> build(String name, KnowledgeBase kb) {
        Matcher m = NAME.matcher(name);
        if (!m.find()) return Optional.empty();
        if (m.group(6) != null) {
            try {
                return Optional.of(BuildNumber.parse(m.group(6)));
            } catch (MalformedBuildNumberException e) {
                // fall back to the article
            }
        }
        String family = m.group(2).equalsIgnoreCase("Subscription Edition") ? "SE" : m.group(2).toUpperCase(java.util.Locale.ROOT);
        String cu = m.group(3) != null ? "CU" + m.group(3) : m.group(4) != null ? "RTM" : null;
        if (cu == null) return Optional.empty();
        return kb.update("Exchange Server " + family, cu, m.group(5).toUpperCase(java.util.Locale.ROOT)).map(b -> b.number());
    }
}
