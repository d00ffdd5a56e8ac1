package org.exhunt.testkit.image;

import java.util.Objects;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.logs.PlantedEvent;

/** One trace an attack step leaves in one log, and what a correct scan says about it. */
public sealed interface Trace {

    LogKind kind();

    Expect expect();

    /** A line of a text log (IIS, HttpProxy, ECP, OAB generator). */
    record Line(LogKind kind, PlantedEvent event, Expect expect) implements Trace {
        public Line {
            Objects.requireNonNull(event, "event");
            if (kind.isEventLog()) throw new IllegalArgumentException(kind + " is an event log");
        }
    }

    /** An event of a Windows event log. */
    record Event(LogKind kind, EvtxEvent event, Expect expect) implements Trace {
        public Event {
            Objects.requireNonNull(event, "event");
            if (!kind.isEventLog()) throw new IllegalArgumentException(kind + " is no event log");
        }
    }
}
