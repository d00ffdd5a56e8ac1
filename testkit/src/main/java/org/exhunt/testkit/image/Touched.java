package org.exhunt.testkit.image;

import java.util.Objects;
import java.util.Set;

/**
 * What an attack step touches, as the scenario states it, for the oracle's expected impact (a mailbox read or
 * exported, credentials used or left in memory, an account changed, a way back in): never worked out from the
 * traces, so that the oracle and the scan check each other. Each item names the logs that show it: it is expected only
 * when one of them holds its step.
 */
public sealed interface Touched {

    /** The logs that show it. */
    Set<LogKind> shownIn();

    /** The attackers' requests acted on a mailbox through a protocol that carries mail ({@code EWS}, {@code OWA}). */
    record MailboxRead(String mailbox, String protocol, Set<LogKind> shownIn) implements Touched {
        public MailboxRead {
            Objects.requireNonNull(mailbox);
            Objects.requireNonNull(protocol);
            shownIn = Set.copyOf(shownIn);
        }
    }

    /** A mailbox exported, by a cmdlet the MSExchange Management log records, to a file (Windows path, as on the server). */
    record MailboxExported(String mailbox, String file) implements Touched {
        @Override
        public Set<LogKind> shownIn() {
            return Set.of(LogKind.MANAGEMENT);
        }
    }

    /** The attackers' requests authenticated as an account: its password or session was theirs. */
    record CredentialsUsed(String account) implements Touched {
        @Override
        public Set<LogKind> shownIn() {
            return Set.of(LogKind.IIS, LogKind.HTTPPROXY);
        }
    }

    /** LSASS's memory dumped at the step's time. */
    record LsassDumped() implements Touched {
        @Override
        public Set<LogKind> shownIn() {
            return Set.of(LogKind.SYSMON, LogKind.SECURITY);
        }
    }

    /** An account logged on to the server (Security 4624), with its logon type: all but 3 leave credentials in LSASS. */
    record Logon(String account, int logonType) implements Touched {
        @Override
        public Set<LogKind> shownIn() {
            return Set.of(LogKind.SECURITY);
        }
    }

    /** An account created, added to a group or given a role ({@code created}, {@code added-to-group}, {@code role-assigned}). */
    record AccountChanged(String kind, String account, String group, LogKind log) implements Touched {
        @Override
        public Set<LogKind> shownIn() {
            return Set.of(log);
        }
    }

    /** A scheduled task or service created ({@code scheduled-task}, {@code service}). */
    record PersistenceAdded(String kind, String name) implements Touched {
        @Override
        public Set<LogKind> shownIn() {
            return Set.of(LogKind.SECURITY);
        }
    }

    /** A message sent out of the organisation from a mailbox (Message Tracking's SEND). */
    record MailSentOut(String sender, String recipient) implements Touched {
        @Override
        public Set<LogKind> shownIn() {
            return Set.of(LogKind.MESSAGE_TRACKING);
        }
    }
}
