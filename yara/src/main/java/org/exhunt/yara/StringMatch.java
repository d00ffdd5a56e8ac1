package org.exhunt.yara;

/**
 * One match of a string: its identifier ({@code $a}, or {@code $} when anonymous), where it starts, its
 * full length, and its first bytes (at most {@link org.exhunt.core.Limits#YARA_MATCH_DATA}). {@code hex} tells
 * that the string was a hex string, which {@code yara -s} prints as hex bytes.
 */
public record StringMatch(String identifier, long offset, int length, byte[] data, boolean hex) {}
