/**
 * What the attackers touched on a server (docs/ARCHITECTURE.md, "Impact"): the records it needs are kept, compact and
 * bounded, while the logs are read ({@link org.exhunt.hunt.impact.ImpactIndexer}), before anyone knows who the
 * attackers are; after the verdicts, {@link org.exhunt.hunt.impact.ImpactAssessment} selects from them what the
 * attackers' addresses, the exploited rows and the dumps make relevant, one small class per kind of impact.
 */
package org.exhunt.hunt.impact;
