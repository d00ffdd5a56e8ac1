package org.exhunt.core.facts;

import java.io.Serializable;

/**
 * Files in a log folder in a format exhunt does not read, by extension.
 *
 * @param extension {@code .etl}, or {@code (none)}
 */
public record UnreadFormat(String extension, long files) implements Serializable {}
