package org.exhunt.report;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.core.facts.ScanFacts;
import org.exhunt.core.facts.ServerFacts;

/**
 * The name a server's own logs give it ({@link LogCoverage#computers()}): its short name, the one most records
 * carry ({@code EXCH01}, upper case as Windows writes it), and its DNS domain when a log gave the full name
 * ({@code contoso.local}). Not the name of the folder it was read from, which is what the user called it.
 *
 * @param name   the short name, or null when no log names a computer
 * @param domain the domain after the short name in a full name, or null
 * @param others the other short names seen, with their record counts (logs of another server among these)
 */
record ComputerName(String name, String domain, Map<String, Long> others) {

    static final ComputerName NONE = new ComputerName(null, null, Map.of());

    static ComputerName of(ServerFacts facts) {
        return facts.scan() == null ? NONE : of(facts.scan());
    }

    static ComputerName of(ScanFacts scan) {
        Map<String, Long> records = new TreeMap<>();
        Map<String, String> domains = new TreeMap<>();
        for (LogCoverage c : scan.logs()) {
            c.computers().forEach((full, n) -> {
                int dot = full.indexOf('.');
                String shortName = (dot > 0 ? full.substring(0, dot) : full).toUpperCase(Locale.ROOT);
                records.merge(shortName, n, Long::sum);
                if (dot > 0 && dot < full.length() - 1) domains.putIfAbsent(shortName, full.substring(dot + 1).toLowerCase(Locale.ROOT));
            });
        }
        String best = records.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
        if (best == null) return NONE;
        Map<String, Long> others = new TreeMap<>(records);
        others.remove(best);
        return new ComputerName(best, domains.get(best), others);
    }

    /** The note: {@code Computer name in its logs: EXCH01 (EXCH01.contoso.local)}, with any other names seen. */
    String note() {
        StringBuilder s = new StringBuilder("Computer name in its logs: ").append(name);
        if (domain != null) s.append(" (").append(name).append('.').append(domain).append(')');
        if (!others.isEmpty()) {
            s.append("; also named: ");
            others.forEach((n, records) -> s.append(n).append(" (").append(records).append(records == 1 ? " record), " : " records), "));
            s.setLength(s.length() - 2);
        }
        return s.toString();
    }
}
