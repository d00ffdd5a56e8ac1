package org.exhunt.core.facts;

import java.io.Serializable;

/**
 * A rule that fired more often than a scan keeps ({@link org.exhunt.core.Limits#FINDINGS_PER_RULE}: the earliest and
 * the latest are kept), and how many of its findings were counted but not kept.
 */
public record NotKept(String rule, long findings) implements Serializable {}
