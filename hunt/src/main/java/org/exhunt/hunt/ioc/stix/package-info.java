/**
 * STIX 2.1 input: bundles of {@code indicator} objects ({@link org.exhunt.hunt.ioc.stix.StixBundle}), their patterns
 * parsed into comparisons ({@link org.exhunt.hunt.ioc.stix.PatternParser}) and turned into exhunt's indicators
 * ({@link org.exhunt.hunt.ioc.stix.PatternIndicators}). exhunt matches single objects (a file, a client address, a
 * requested URL), so a pattern asking for more (sequences, time windows, other object types, other operators) is
 * reported with its position and not loaded, never dropped in silence.
 */
package org.exhunt.hunt.ioc.stix;
