package org.exhunt.hunt.exposure;

import java.time.Instant;

/** How far the logs of one record type reach in a scan: the oldest and newest record times. */
public record LogReach(String type, Instant first, Instant last) {}
