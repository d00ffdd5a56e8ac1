package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An account whose credentials the attackers could have taken: one that logged on to the server before an LSASS
 * memory dump in a way that leaves its secrets in LSASS, the server's own computer account when LSASS was dumped, or
 * an account whose password or session the attackers used in their requests.
 *
 * @param account    {@code CONTOSO\alice}, {@code EXCH01$}
 * @param how        {@code logged-on-before-dump}, {@code computer-account} or {@code used-by-attacker}
 * @param first      the first logon or use seen (before the dump, for a logon)
 * @param last       the last one seen (before the dump, for a logon)
 * @param count      how many logons or requests
 * @param logonTypes the Windows logon types seen ({@code 10 RemoteInteractive}), for logons; else empty
 * @param privileged whether a logon was given special privileges (Security 4672: an administrator)
 * @param dump       the dump this exposure comes from (its file, or the command that wrote it), or null
 * @param records    where the logons or uses were read (the first and last), at most {@link Impact#RECORDS_KEPT}
 * @param confidence {@code shown} for the computer account of a dumped server and for an account the attackers' own
 *                   requests authenticated as with success; {@code likely} otherwise
 * @param why        one line saying why the account is exposed
 */
public record CredentialExposure(String account, String how, Instant first, Instant last, long count,
                                 List<String> logonTypes, boolean privileged, String dump, List<String> records,
                                 Confidence confidence, String why) implements Serializable {

    public CredentialExposure {
        logonTypes = List.copyOf(logonTypes);
        records = List.copyOf(records);
    }
}
