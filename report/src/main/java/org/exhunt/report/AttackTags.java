package org.exhunt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the Sigma tag conventions ({@code attack.t1505.003}, {@code attack.persistence},
 * {@code cve.2021-26855}) into MITRE ATT&CK techniques and tactics and CVE ids, for the formats that have
 * fields for them. Tags that follow no convention are left alone.
 */
final class AttackTags {

    /** A technique and, when the tag names one, its sub-technique ({@code T1505}, {@code T1505.003}). */
    record Technique(String id, String subtechniqueId) {}

    /** An ATT&CK enterprise tactic: its id and its name. */
    record Tactic(String id, String name) {}

    /** The enterprise tactics under the tag names Sigma uses (ATT&CK v15). */
    private static final Map<String, Tactic> TACTICS = Map.ofEntries(
            Map.entry("reconnaissance", new Tactic("TA0043", "Reconnaissance")),
            Map.entry("resource_development", new Tactic("TA0042", "Resource Development")),
            Map.entry("initial_access", new Tactic("TA0001", "Initial Access")),
            Map.entry("execution", new Tactic("TA0002", "Execution")),
            Map.entry("persistence", new Tactic("TA0003", "Persistence")),
            Map.entry("privilege_escalation", new Tactic("TA0004", "Privilege Escalation")),
            Map.entry("defense_evasion", new Tactic("TA0005", "Defense Evasion")),
            Map.entry("credential_access", new Tactic("TA0006", "Credential Access")),
            Map.entry("discovery", new Tactic("TA0007", "Discovery")),
            Map.entry("lateral_movement", new Tactic("TA0008", "Lateral Movement")),
            Map.entry("collection", new Tactic("TA0009", "Collection")),
            Map.entry("command_and_control", new Tactic("TA0011", "Command and Control")),
            Map.entry("exfiltration", new Tactic("TA0010", "Exfiltration")),
            Map.entry("impact", new Tactic("TA0040", "Impact")));

    private AttackTags() {}

    static List<Technique> techniques(List<String> tags) {
        List<Technique> out = new ArrayList<>();
        for (String name : after("attack.", tags)) {
            String id = name.toUpperCase(Locale.ROOT);
            int dot = id.indexOf('.');
            String technique = dot < 0 ? id : id.substring(0, dot);
            if (!technique.startsWith("T") || !digits(technique, 1) || (dot >= 0 && !digits(id.substring(dot + 1), 0))) {
                continue;
            }
            out.add(new Technique(technique, dot < 0 ? null : id));
        }
        return out;
    }

    static List<Tactic> tactics(List<String> tags) {
        List<Tactic> out = new ArrayList<>();
        for (String name : after("attack.", tags)) {
            Tactic tactic = TACTICS.get(name.replace('-', '_'));
            if (tactic != null && !out.contains(tactic)) out.add(tactic);
        }
        return out;
    }

    /** {@code cve.2021-26855} becomes {@code CVE-2021-26855} (a year, then a sequence of four digits or more). */
    static List<String> cves(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String id : after("cve.", tags)) {
            if (id.length() >= 9 && id.charAt(4) == '-' && digits(id.substring(0, 4), 0) && digits(id.substring(5), 0)) {
                out.add("CVE-" + id);
            }
        }
        return out;
    }

    /** The lower-cased rest of every tag that starts with {@code prefix} (ignoring case). */
    private static List<String> after(String prefix, List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            String t = tag.toLowerCase(Locale.ROOT);
            if (t.startsWith(prefix)) out.add(t.substring(prefix.length()));
        }
        return out;
    }

    /** {@code s} is all ASCII digits after {@code from} characters of prefix, and has at least one. */
    private static boolean digits(String s, int from) {
        if (s.length() <= from) return false;
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }
}
