/** Sigma rules over {@link org.exhunt.core.Record}s: loading, field mappings, conditions, modifiers, evaluation. */
package org.exhunt.sigma;
