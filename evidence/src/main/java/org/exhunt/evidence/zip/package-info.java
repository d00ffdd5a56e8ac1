/**
 * Zip archives read in place, as hostile input. {@link org.exhunt.evidence.zip.ZipIndex#read} lists an
 * archive's entries from its central directory (Apache Commons Compress), or, when that is damaged or missing
 * (a torn copy), from the local headers; each entry is opened where it lies, through a {@link
 * org.exhunt.evidence.zip.RandomAccess} view, never extracted. Entries are checked against the caps of
 * {@link org.exhunt.core.Limits} ({@link org.exhunt.evidence.zip.ArchiveLimits}) before they are read, and
 * {@link org.exhunt.evidence.zip.CheckedEntryStream} holds them to their declared size and CRC while they
 * are.
 */
package org.exhunt.evidence.zip;
