/**
 * Sigma rules over {@link org.exhunt.core.Record}s. A {@link org.exhunt.sigma.SigmaLoader} reads rule files
 * (reporting every rule it cannot load, with file, line and reason) and builds immutable, thread-safe {@link
 * org.exhunt.sigma.SigmaRules}; each thread matches records with its own {@link
 * org.exhunt.sigma.SigmaScanner}, which reports {@link org.exhunt.sigma.SigmaMatch}es. Log-source routing and
 * field names come from mapping data ({@link org.exhunt.sigma.mapping.Mappings}); the engine knows no log format.
 */
package org.exhunt.sigma;
