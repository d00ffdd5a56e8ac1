package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the logs of one type can see: how many records, from when to when, and which Exchange builds they
 * show, each with the first and last time it was seen (so a verdict can tell whether the earliest logs
 * already show a vulnerable build).
 *
 * @param type             the record type ({@code iis}, {@code exchange-httpproxy}, ...)
 * @param files            distinct files the records came from
 * @param records          records read
 * @param recordsWithoutTime records that carry no time (they count, but do not move oldest/newest)
 * @param oldest           the earliest record time, or null when no record had one
 * @param newest           the latest record time, or null
 * @param builds           builds seen, in build order
 * @param computers        the names the logs give the computer that wrote them (an event's {@code Computer},
 *                         HttpProxy's {@code ServerHostName}, ECP's {@code ServerName}, IIS's {@code s-computername}),
 *                         as written, with how many records named each; at most {@link #COMPUTERS_KEPT} names
 */
public record LogCoverage(String type, long files, long records, long recordsWithoutTime, Instant oldest,
                          Instant newest, List<BuildSeen> builds, Map<String, Long> computers) implements Serializable {

    /** Names of computers kept per log type: a server's logs name it, its cluster's members, little else. */
    public static final int COMPUTERS_KEPT = 16;

    public LogCoverage {
        builds = List.copyOf(builds);
        computers = computers == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(computers));
    }

    /** Coverage of logs that name no computer. */
    public LogCoverage(String type, long files, long records, long recordsWithoutTime, Instant oldest, Instant newest,
                       List<BuildSeen> builds) {
        this(type, files, records, recordsWithoutTime, oldest, newest, builds, Map.of());
    }

    /**
     * An Exchange build seen in the logs, in short form ({@code 15.1.2375.7}), with when: the times of the
     * first and last records that showed it (null when those records had no time).
     */
    public record BuildSeen(String build, Instant first, Instant last) implements Serializable {}
}
