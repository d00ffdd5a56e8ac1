package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An account created, or given membership, a role or a permission, during or after the first exploit.
 *
 * @param kind       {@code created} (Security 4720), {@code added-to-group} (4728, 4732, 4756), {@code role-assigned}
 *                   ({@code New-ManagementRoleAssignment}, {@code Add-RoleGroupMember}) or {@code mailbox-permission}
 *                   ({@code Add-MailboxPermission})
 * @param account    the account concerned
 * @param group      the group, role or permission, or null
 * @param by         who did it, as the log names the subject, or null
 * @param time       when
 * @param records    where it was read
 * @param confidence {@code shown} when its record is a finding of a chain; {@code likely} when done as the server's
 *                   SYSTEM or computer account (what a web shell runs as); {@code possible} otherwise (an administrator
 *                   may have done it)
 * @param why        one line saying why it is listed
 */
public record AccountChange(String kind, String account, String group, String by, Instant time, List<String> records,
                            Confidence confidence, String why) implements Serializable {

    public AccountChange {
        records = List.copyOf(records);
    }
}
