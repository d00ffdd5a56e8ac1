package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A way back in set up during or after the first exploit: a scheduled task (Security 4698, Task Scheduler 106) or a
 * service installed (System 7045).
 *
 * @param kind       {@code scheduled-task} or {@code service}
 * @param name       the task's or service's name
 * @param command    what it runs, when the log says (the service's image path, the task's command), or null
 * @param by         who created it, or the account it runs as, as the log names it, or null
 * @param time       when
 * @param records    where it was read
 * @param confidence {@code likely} when created as the server's SYSTEM or computer account; {@code possible} otherwise
 * @param why        one line saying why it is listed
 */
public record Persistence(String kind, String name, String command, String by, Instant time, List<String> records,
                          Confidence confidence, String why) implements Serializable {

    public Persistence {
        records = List.copyOf(records);
    }
}
