/**
 * Sigma conditions: {@link org.exhunt.sigma.condition.ConditionParser} turns the text into a
 * {@link org.exhunt.sigma.condition.Condition} tree whose {@code toString} is a deterministic dump.
 */
package org.exhunt.sigma.condition;
