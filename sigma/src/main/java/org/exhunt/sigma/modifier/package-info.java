/**
 * Sigma's value modifiers, one class per category (string, generic, regex, encoding, windash, numeric, time,
 * cidr, fieldref, expand), each holding its modifiers and the value tests they build. {@link
 * org.exhunt.sigma.modifier.Modifiers} is the registry: a new modifier is one class (or entry) and one line
 * there. Modifiers apply left to right to a {@link org.exhunt.sigma.modifier.ValueChain}; transformations
 * rewrite its values at once, and the match type is applied when the chain is built, so
 * {@code contains|windash} and {@code windash|contains} mean the same.
 */
package org.exhunt.sigma.modifier;
