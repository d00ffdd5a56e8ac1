/**
 * Zip archives read in place, as hostile input. {@link org.exhunt.hunt.source.zip.ZipIndex#read} lists an
 * archive's entries from its central directory (Apache Commons Compress), or, when that is damaged or missing
 * (a torn copy), from the local headers; each entry is opened where it lies, through a {@link
 * org.exhunt.hunt.source.zip.RandomAccess} view, never extracted. Entries are checked against the caps of
 * {@link org.exhunt.core.Limits} ({@link org.exhunt.hunt.source.zip.ArchiveLimits}) before they are read, and
 * {@link org.exhunt.hunt.source.zip.CheckedEntryStream} holds them to their declared size and CRC while they
 * are.
 */
package org.exhunt.hunt.source.zip;
