package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a server's patch history: what the evidence says about which Exchange build ran or was installed,
 * when, and where it was read. A scan's verdicts rest on these entries to tell since when the running build has
 * fixed a chain.
 *
 * @param kind        where it was read
 * @param action      what it says happened
 * @param time        when: the install's time, or for {@link Action#RUNNING} the first record showing the build
 * @param until       for {@link Action#RUNNING}, the last record showing the build; else null
 * @param uncertainty how far the true time may lie from {@code time} either way: zero for times the record states
 *                    in UTC (event logs, Exchange's own logs), the time-zone doubt of a setup log's local times
 * @param build       the build it establishes ({@code 15.1.2176.9}), or null when the knowledge base cannot name one
 *                    (an update it does not know)
 * @param what        what the record says, for people ({@code Security Update for Exchange Server 2016 Cumulative
 *                    Update 19 (KB5000871)})
 * @param outcome     whether it succeeded
 * @param source      where it was read: the file as the user knows it, with {@code :line} or {@code #record}
 *                    ({@code SourceRef}'s form), or the log type for a build seen in log lines
 * @param strength    how far it can be relied on
 */
public record PatchEvent(Kind kind, Action action, Instant time, Instant until, Duration uncertainty, String build,
                         String what, Outcome outcome, String source, Strength strength) implements Serializable {

    public PatchEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(uncertainty, "uncertainty");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(strength, "strength");
    }

    /** Where an entry was read. */
    public enum Kind {
        /** The build Exchange's own log lines carry (HttpProxy's version columns, ECP's {@code BLD}, a {@code #Version} header). */
        LOG_BUILD,
        /** A Windows Installer event of the Application event log (source MsiInstaller). */
        MSI_INSTALL,
        /** {@code C:\ExchangeSetupLogs\ExchangeSetup.log}: a run of Exchange's setup (a CU install or upgrade). */
        SETUP_LOG,
        /** A log a security update's scripts leave in {@code C:\ExchangeSetupLogs} ({@code UpdateCas.log}). */
        UPDATE_LOG,
        /** The modification time of files a build brought (an OWA version folder): the weakest hint. */
        FILE_TIME
    }

    /** What an entry says happened. */
    public enum Action {
        /** Exchange installed on a server that had none: the server did not run Exchange before. */
        FRESH_INSTALL,
        /** A cumulative update installed over an earlier one: the CU's own build runs from then. */
        UPGRADE,
        /** A security update or hotfix installed on a CU. */
        UPDATE,
        /** The build seen running, from {@code time} to {@code until}. */
        RUNNING,
        /** Files of the build present since about {@code time}. */
        PRESENT
    }

    public enum Outcome {
        SUCCEEDED,
        FAILED,
        /** The record does not say (a setup run whose end is not in the log, a build seen running). */
        UNKNOWN
    }

    /** How far an entry can be relied on. */
    public enum Strength {
        /** A record written when it happened: an installer's event or log. */
        RECORDED,
        /** The build seen running in records written by Exchange itself. */
        OBSERVED,
        /** A file time: copies, restores and attackers change them; never used to shorten an exposure. */
        HINT
    }

    /** The earliest the true time can be. */
    public Instant earliest() {
        return time.minus(uncertainty);
    }

    /** The latest the true time can be. */
    public Instant latest() {
        return time.plus(uncertainty);
    }
}
