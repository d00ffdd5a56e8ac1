/**
 * Sigma correlations over a time-ordered stream of rule matches: {@link
 * org.exhunt.sigma.correlation.Correlator} (one per run) keeps a window of events per correlation and group,
 * expires it by the correlation's time span, and reports a finding that links the events it correlated.
 * Windows: conditions with lower bounds only ({@code gte: 10}) are decided on each event over the last time
 * span (sliding); other conditions ({@code lt}, {@code eq}, {@code value_percentile}) over a window that opens
 * with a group's first event and closes one time span later, when a later event or the end of the stream shows
 * it closed.
 */
package org.exhunt.sigma.correlation;
