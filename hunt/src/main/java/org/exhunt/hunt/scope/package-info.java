/** What a scan looks at: paths left out ({@link org.exhunt.hunt.scope.PathGlob}), the time window of log evidence, and the allowlist. */
package org.exhunt.hunt.scope;
