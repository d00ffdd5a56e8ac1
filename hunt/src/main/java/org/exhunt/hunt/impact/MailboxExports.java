package org.exhunt.hunt.impact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.exhunt.core.Finding;
import org.exhunt.core.facts.Confidence;
import org.exhunt.core.facts.MailboxExport;
import org.exhunt.hunt.verdict.ShellLinker;

/**
 * The mailboxes exported during the intrusion, from the cmdlets kept while the logs were read ({@link CmdletLog}):
 * {@code New-MailboxExportRequest} (mailbox, filter, {@code -FilePath}), {@code New-ComplianceSearchAction -Export} of
 * a {@code New-ComplianceSearch} (its locations and query), {@code Search-Mailbox -TargetMailbox} (copied into
 * another mailbox). Whether an export's file is still on disk is checked against the files the scan listed.
 */
final class MailboxExports {

    /** How far back a successful exploit request is looked for, to name the addresses behind a cmdlet. */
    static final Duration SESSION = Duration.ofHours(24);
    private static final String[] WEB_FILE_ENDINGS = {".aspx", ".ashx", ".asmx", ".asp", ".config"};

    private MailboxExports() {}

    /**
     * @param onDisk whether a local path ({@code c:\inetpub\...}, lower case) is a file of the evidence
     * @param host   the server's host name, or null: a UNC path to it is a local path
     */
    static List<MailboxExport> of(Intrusion intrusion, List<CmdletLog.Run> runs, Predicate<String> onDisk, String host) {
        List<MailboxExport> out = new ArrayList<>();
        Map<String, CmdletLog.Run> searches = new HashMap<>();
        for (CmdletLog.Run run : runs) {
            if (run.is("New-ComplianceSearch") && run.parameter("name") != null) searches.put(Text.key(run.parameter("name")), run);
            if (!intrusion.since(run.time())) continue;
            if (run.is("New-MailboxExportRequest")) {
                String file = run.parameter("filepath");
                out.add(export(intrusion, run, run.parameter("mailbox"), filter(run), file, present(file, onDisk, host),
                        shownByFile(intrusion, file)));
            } else if (run.is("Search-Mailbox") && run.parameter("targetmailbox") != null) {
                String target = run.parameter("targetmailbox")
                        + (run.parameter("targetfolder") == null ? "" : "\\" + run.parameter("targetfolder"));
                out.add(export(intrusion, run, run.parameter("identity"), run.parameter("searchquery"), "mailbox " + target,
                        null, false));
            } else if (run.is("New-ComplianceSearchAction") && run.parameter("export") != null) {
                CmdletLog.Run search = run.parameter("searchname") == null ? null : searches.get(Text.key(run.parameter("searchname")));
                String locations = search == null ? null : search.parameter("exchangelocation");
                String query = search == null ? null : search.parameter("contentmatchquery");
                if (locations == null) {
                    out.add(export(intrusion, run, null, query, null, null, false));
                } else {
                    for (String mailbox : locations.split(",")) {
                        if (!mailbox.isBlank()) out.add(export(intrusion, run, mailbox.strip(), query, null, null, false));
                    }
                }
            }
        }
        return out;
    }

    private static MailboxExport export(Intrusion intrusion, CmdletLog.Run run, String mailbox, String filter, String file,
                                        Boolean onDisk, boolean shellFile) {
        String source = run.source().toString();
        boolean chain = intrusion.chainRecord(source);
        Confidence confidence = chain || shellFile ? Confidence.SHOWN : Confidence.LIKELY;
        String why = chain ? "its record is evidence of the intrusion"
                : shellFile ? "its file is a web shell or lies in a web folder"
                : "run after the intrusion began (" + intrusion.first() + ")";
        return new MailboxExport(mailbox, run.cmdlet(), filter, file, onDisk, run.time(), run.caller(),
                intrusion.succeededBefore(run.time(), SESSION), List.of(source), confidence, why);
    }

    /** What an export request is narrowed to: its content filter and folders, or null for the whole mailbox. */
    private static String filter(CmdletLog.Run run) {
        List<String> parts = new ArrayList<>();
        if (run.parameter("contentfilter") != null) parts.add("content " + run.parameter("contentfilter"));
        if (run.parameter("includefolders") != null) parts.add("folders " + run.parameter("includefolders"));
        if (run.parameter("excludefolders") != null) parts.add("not folders " + run.parameter("excludefolders"));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** Whether the export's file names a file left behind, or is a script in a web folder. */
    private static boolean shownByFile(Intrusion intrusion, String file) {
        if (file == null) return false;
        String key = ShellLinker.PathKey.of(file);
        for (String ending : WEB_FILE_ENDINGS) if (key.endsWith(ending)) return true;
        if (key.contains("\\inetpub\\") || key.contains("\\frontend\\httpproxy\\")) return true;
        for (Finding f : intrusion.postExploitation()) {
            String path = f.evidence("path");
            if (path != null && ShellLinker.PathKey.names(file, ShellLinker.PathKey.of(path))) return true;
        }
        return false;
    }

    /**
     * Whether the export's file is on this server's drive now: true or false for a local path (or the admin share of
     * this server, {@code \\127.0.0.1\c$\...}), null for a share of another machine or no file.
     */
    static Boolean present(String file, Predicate<String> onDisk, String host) {
        if (file == null) return null;
        String key = ShellLinker.PathKey.of(file);
        if (host != null) {
            String h = "\\\\" + host.toLowerCase(Locale.ROOT) + "\\";
            for (String share : new String[] {h + "c$\\", h + "c:\\"}) {
                if (key.startsWith(share)) key = "c:\\" + key.substring(share.length());
            }
        }
        if (key.startsWith("\\\\") || key.length() < 3 || key.charAt(1) != ':') return null;
        return onDisk.test(key);
    }
}
