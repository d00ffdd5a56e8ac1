/**
 * The model every exhunt module shares: {@link org.exhunt.core.Record}s read from evidence,
 * {@link org.exhunt.core.Finding}s produced by detectors, {@link org.exhunt.core.Verdict}s per server
 * and attack chain, and {@link org.exhunt.core.Diagnostic}s for input that could not be read.
 *
 * <p>This package has no third-party dependencies; engines depend on it and on nothing else of exhunt.
 */
package org.exhunt.core;
