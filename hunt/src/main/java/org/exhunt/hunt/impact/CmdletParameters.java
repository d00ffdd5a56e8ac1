package org.exhunt.hunt.impact;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a cmdlet as Exchange's logs write them, by lower-case name: the MSExchange Management log and the
 * RPS cmdlet logs as PowerShell would ({@code -Mailbox "a@b" -ContentFilter "(Subject -eq 'x')" -ExcludeDumpster
 * -FilePath "\\h\c$\y.aspx"}, values quoted or bare, {@code -Name:value}, lists {@code "a","b"}), the ECP logs as
 * {@code Cmdlet.Name='value'.Other='value'} ({@code '} doubled inside). One pass, no backtracking: it is the attacker's
 * text. A switch has the value {@code true}.
 */
final class CmdletParameters {

    private CmdletParameters() {}

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean starts = c == '-' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))
                    && i + 1 < n && Character.isLetter(text.charAt(i + 1));
            if (!starts) {
                i++;
                continue;
            }
            int nameStart = ++i;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
            String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
            boolean colon = i < n && text.charAt(i) == ':';
            if (colon) i++;
            else while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            if (i >= n || (!colon && text.charAt(i) == '-' && i + 1 < n && Character.isLetter(text.charAt(i + 1)))) {
                out.putIfAbsent(name, "true");
                continue;
            }
            StringBuilder value = new StringBuilder();
            i = value(text, i, value);
            while (i < n && text.charAt(i) == ',') {   // a list: "a","b"
                value.append(',');
                i = value(text, i + 1, value);
            }
            out.putIfAbsent(name, value.toString());
        }
        return out;
    }

    /** Reads one value from {@code i} into {@code out}: quoted (its quote doubled inside) or up to a space or comma. */
    private static int value(String text, int i, StringBuilder out) {
        int n = text.length();
        if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            char q = text.charAt(i++);
            while (i < n) {
                char c = text.charAt(i);
                if (c == q) {
                    if (i + 1 < n && text.charAt(i + 1) == q) {
                        out.append(q);
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                out.append(c);
                i++;
            }
            return n;
        }
        while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ',') out.append(text.charAt(i++));
        return i;
    }

    /**
     * An ECP command, {@code New-MailboxExportRequest.Mailbox='a@b'.FilePath='\\h\c$\x.pst'}: the cmdlet (before the
     * first dot) and its parameters by lower-case name, or null when it is not of that form.
     */
    static Map.Entry<String, Map<String, String>> ecp(String command) {
        int dot = command.indexOf('.');
        if (dot <= 0) return null;
        String cmdlet = command.substring(0, dot);
        Map<String, String> out = new LinkedHashMap<>();
        int n = command.length();
        int i = dot;
        while (i < n && command.charAt(i) == '.') {
            int nameStart = ++i;
            while (i < n && command.charAt(i) != '=' && command.charAt(i) != '.') i++;
            String name = command.substring(nameStart, i).toLowerCase(Locale.ROOT);
            if (i >= n || command.charAt(i) != '=') break;
            i++;
            StringBuilder value = new StringBuilder();
            if (i < n && command.charAt(i) == '\'') {
                i = value(command, i, value);
            } else {
                while (i < n && command.charAt(i) != '.') value.append(command.charAt(i++));
            }
            out.putIfAbsent(name, value.toString());
        }
        return Map.entry(cmdlet, out);
    }
}
