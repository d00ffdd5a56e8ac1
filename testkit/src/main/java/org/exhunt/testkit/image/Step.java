package org.exhunt.testkit.image;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One attack step as the public descriptions tell it, with the traces it leaves in the server's logs.
 *
 * @param at       when it happened (UTC)
 * @param clientIp the attacker's address, or null for steps on the server itself
 * @param what     one line saying what the step is
 * @param traces   what it leaves in each log, and what a correct scan says about each
 */
public record Step(Instant at, String clientIp, String what, List<Trace> traces) {

    public Step {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(what, "what");
        traces = List.copyOf(traces);
    }
}
