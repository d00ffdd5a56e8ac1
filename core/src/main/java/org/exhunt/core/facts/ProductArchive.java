package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;

/**
 * An archive in ProgramData inside a known product's own tree, written outside every chain's exposure window: the
 * product's, listed for the reader rather than reported as a finding.
 *
 * @param path     the file as the user knows it ({@code C:\ProgramData\Veeam\Backup\x.zip})
 * @param product  the product that keeps the folder, as the rule pack names it
 * @param modified its last-written time, or null when the evidence does not keep one
 */
public record ProductArchive(String path, String product, Instant modified) implements Serializable {}
