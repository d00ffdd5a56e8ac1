/**
 * Sigma's values: strings with {@code *}/{@code ?} wildcards and backslash escapes ({@link
 * org.exhunt.sigma.value.SigmaString}), their case folding, and the linear-time string tests compiled from them.
 */
package org.exhunt.sigma.value;
