/**
 * From findings to answers: which findings belong to which attack chain ({@link org.exhunt.hunt.verdict.ShellLinker}),
 * and the verdict per row ({@link org.exhunt.hunt.verdict.Verdicts}), following ARCHITECTURE.md: exposure from the
 * build, compromise from the evidence, CANNOT_TELL when the logs could not have shown the chain.
 */
package org.exhunt.hunt.verdict;
