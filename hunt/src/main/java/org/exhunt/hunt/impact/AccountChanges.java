package org.exhunt.hunt.impact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.facts.AccountChange;
import org.exhunt.core.facts.Confidence;

/**
 * Accounts created or given groups, roles or permissions during or after the first exploit: Security 4720 (created),
 * 4728, 4732, 4756 (added to a global, local or universal security group), and the cmdlets that give Exchange roles or
 * mailbox permissions ({@code New-ManagementRoleAssignment}, {@code Add-RoleGroupMember}, {@code Add-MailboxPermission}).
 */
final class AccountChanges {

    private AccountChanges() {}

    static List<AccountChange> of(Intrusion intrusion, List<WindowsEvents.Event> events, List<CmdletLog.Run> runs) {
        List<AccountChange> out = new ArrayList<>();
        Map<String, String> created = new HashMap<>();   // SID -> the account created with it, to name a local member
        for (WindowsEvents.Event e : events) {
            if (e.kind().equals("created") && e.sid() != null) created.put(Text.key(e.sid()), e.name());
        }
        for (WindowsEvents.Event e : events) {
            if (!intrusion.since(e.time()) || !(e.kind().equals("created") || e.kind().equals("added-to-group"))) continue;
            String source = e.source().toString();
            String name = e.kind().equals("added-to-group") && e.name().equals(e.sid())
                    ? created.getOrDefault(Text.key(e.sid()), e.name()) : e.name();
            out.add(new AccountChange(e.kind(), name, e.group(), e.by(), e.time(), List.of(source),
                    confidence(intrusion, source, e.bySystem()), why(intrusion, source, e.bySystem())));
        }
        for (CmdletLog.Run run : runs) {
            if (!intrusion.since(run.time())) continue;
            String source = run.source().toString();
            String account;
            String group;
            String kind = "role-assigned";
            if (run.is("New-ManagementRoleAssignment")) {
                account = run.parameter("user") != null ? run.parameter("user") : run.parameter("securitygroup");
                group = run.parameter("role");
            } else if (run.is("Add-RoleGroupMember")) {
                account = run.parameter("member");
                group = run.parameter("identity");
            } else if (run.is("Add-MailboxPermission")) {
                kind = "mailbox-permission";
                account = run.parameter("user");
                group = (run.parameter("accessrights") == null ? "access" : run.parameter("accessrights")) + " on "
                        + run.parameter("identity");
            } else {
                continue;
            }
            if (account == null) continue;
            out.add(new AccountChange(kind, account, group, run.caller(), run.time(), List.of(source),
                    confidence(intrusion, source, false), why(intrusion, source, false)));
        }
        out.sort(Comparator.comparing(AccountChange::time).thenComparing(AccountChange::account));
        return out;
    }

    private static Confidence confidence(Intrusion intrusion, String source, boolean bySystem) {
        if (intrusion.chainRecord(source)) return Confidence.SHOWN;
        return bySystem ? Confidence.LIKELY : Confidence.POSSIBLE;
    }

    static String why(Intrusion intrusion, String source, boolean bySystem) {
        if (intrusion.chainRecord(source)) return "its record is evidence of the intrusion";
        String after = "after the intrusion began (" + intrusion.first() + ")";
        return bySystem ? "done as the server's SYSTEM account, as a web shell runs, " + after
                : after + "; an administrator may have done it";
    }
}
