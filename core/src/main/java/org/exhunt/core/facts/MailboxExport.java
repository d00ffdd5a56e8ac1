package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A mailbox exported or copied out by a cmdlet ({@code New-MailboxExportRequest}, a compliance search's export,
 * {@code Search-Mailbox -TargetMailbox}) during the intrusion.
 *
 * @param mailbox    the mailbox exported, as the cmdlet names it (null when its parameters do not say)
 * @param cmdlet     the cmdlet
 * @param filter     what was exported when the parameters narrow it ({@code -ContentFilter}, {@code -IncludeFolders},
 *                   a search query), or null: everything
 * @param file       where the export was written ({@code -FilePath}, {@code -TargetMailbox}), as written, or null
 * @param fileOnDisk whether that file is in the evidence now (true), was looked for on this server's drive and is not
 *                   there (false), or lies elsewhere (a share of another machine: null)
 * @param time       when the cmdlet ran
 * @param by         who ran it, as the log names the caller, or null
 * @param clients    client addresses behind it (the exploit's, when the export came through it), sorted
 * @param records    where the cmdlet was read ({@code file:line}, {@code file#record}), at most
 *                   {@link Impact#RECORDS_KEPT}
 * @param confidence {@code shown} when the export is part of the intrusion's evidence (its record is a finding of a
 *                   chain, or its file is a web shell); {@code likely} when it ran during the intrusion otherwise
 * @param why        one line saying what ties it to the intrusion
 */
public record MailboxExport(String mailbox, String cmdlet, String filter, String file, Boolean fileOnDisk, Instant time,
                            String by, List<String> clients, List<String> records, Confidence confidence, String why) implements Serializable {

    public MailboxExport {
        clients = List.copyOf(clients);
        records = List.copyOf(records);
    }
}
