package org.exhunt.core.facts;

import java.io.Serializable;
import java.util.List;

/**
 * Extended Protection, which CVE-2024-21410 (NTLM relay) depends on: reported as information, not as a verdict row.
 *
 * @param state    on, partly on, off, or not visible
 * @param settings each location of {@code applicationHost.config} whose {@code windowsAuthentication} sets
 *                 {@code extendedProtection tokenChecking}, in the order read
 */
public record ExtendedProtection(State state, List<Setting> settings) implements Serializable {

    public ExtendedProtection {
        settings = List.copyOf(settings);
    }

    /** What the settings add up to. */
    public enum State {
        /** {@code tokenChecking=Require} on every location that sets it. */
        ON,
        /** Require on some locations, not on others. */
        PARTLY_ON,
        /** Set nowhere, or {@code None} everywhere it is set. */
        OFF,
        /** No {@code applicationHost.config} in the evidence. */
        NOT_VISIBLE
    }

    /** @param tokenChecking {@code None}, {@code Allow} or {@code Require}, as written */
    public record Setting(String location, String tokenChecking) implements Serializable {}
}
