package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The support status of the server's product line, from the knowledge base.
 *
 * @param product      {@code Exchange Server 2016}
 * @param endOfSupport the last day of support, or null while supported
 * @param note         what the status means for updates
 */
public record Support(String product, LocalDate endOfSupport, String note) implements Serializable {}
