package org.exhunt.testkit.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One attack step as the public descriptions tell it, with the traces it leaves in the server's logs.
 *
 * @param at       when it happened (UTC)
 * @param clientIp the attacker's address, or null for steps on the server itself
 * @param what     one line saying what the step is
 * @param traces   what it leaves in each log, and what a correct scan says about each
 * @param touched  what it touches (mailboxes, credentials, accounts), for the expected impact
 */
public record Step(Instant at, String clientIp, String what, List<Trace> traces, List<Touched> touched) {

    public Step {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(what, "what");
        traces = List.copyOf(traces);
        touched = List.copyOf(touched);
    }

    /** A step that touches nothing the impact lists. */
    public Step(Instant at, String clientIp, String what, List<Trace> traces) {
        this(at, clientIp, what, traces, List.of());
    }

    /** The same step, touching these too. */
    public Step touching(Touched... more) {
        List<Touched> all = new ArrayList<>(touched);
        all.addAll(List.of(more));
        return new Step(at, clientIp, what, traces, all);
    }
}
