package org.exhunt.sigma.correlation;

import org.exhunt.core.Finding;

/**
 * One event inside a correlation window: when, which of the correlation's rules it came from, the value of
 * the correlation's field (value_* types; null otherwise), and the finding it stands for. Times are {@link Ticks}.
 */
record Event(long ticks, int rule, String value, Finding finding) {}
