/**
 * The hunt: one pass over a server's evidence, through the readers and detectors, to findings and verdicts.
 * {@link org.exhunt.hunt.Hunt} is the entry point; {@code source} reads evidence, {@code layout} finds
 * Exchange's folders in it, {@code ioc} matches indicator lists, {@code verdict} turns findings into answers.
 */
package org.exhunt.hunt;
