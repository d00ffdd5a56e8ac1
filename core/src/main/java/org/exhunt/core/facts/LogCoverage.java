package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

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
 */
public record LogCoverage(String type, long files, long records, long recordsWithoutTime, Instant oldest,
                          Instant newest, List<BuildSeen> builds) implements Serializable {

    public LogCoverage {
        builds = List.copyOf(builds);
    }

    /**
     * An Exchange build seen in the logs, in short form ({@code 15.1.2375.7}), with when: the times of the
     * first and last records that showed it (null when those records had no time).
     */
    public record BuildSeen(String build, Instant first, Instant last) implements Serializable {}
}
