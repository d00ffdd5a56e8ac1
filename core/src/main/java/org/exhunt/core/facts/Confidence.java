package org.exhunt.core.facts;

import java.util.Locale;

/**
 * How sure an item of a server's {@link Impact} is, in the words every report uses.
 */
public enum Confidence {
    /** The records show it: the cmdlet that exported the mailbox, the EWS requests of an address that used the exploit. */
    SHOWN,
    /** The records make it probable, not certain: an account logged on interactively before an LSASS dump. */
    LIKELY,
    /** Worth a look, not a conclusion: mail sent from an affected mailbox while the attackers were active. */
    POSSIBLE;

    /** {@code shown}, {@code likely}, {@code possible}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
