package org.exhunt.evidence.zip;

import java.time.Instant;

/**
 * One entry of a zip archive as exhunt sees it, before anything is read from it.
 *
 * @param name          the name, decoded (UTF-8 when flagged or valid, else the DOS code page 437)
 * @param headerOffset  where its local header starts in the archive
 * @param dataOffset    where its data starts, or -1 when unknown
 * @param compressedSize declared compressed size
 * @param size          declared uncompressed size
 * @param crc           declared CRC-32, or -1 when unknown
 * @param method        compression method, by name ({@code DEFLATED}, {@code STORED}, {@code method 14})
 * @param stored        whether the data is stored uncompressed
 * @param directory     a folder entry
 * @param symlink       a Unix symbolic link (its data is the target path)
 * @param encrypted     encrypted (traditional PKWARE or strong encryption)
 * @param readable      whether exhunt can decompress it (a supported method, not encrypted)
 * @param modified      last modification time, or null
 * @param dosTimeOnly   the time came from the DOS field alone, which has no time zone; read as UTC
 * @param defect        why the archive's structure makes it unreadable (overlapping data, damage), or null
 * @param defectCode    the diagnostic code for {@code defect}
 */
public record ZipItem(String name, long headerOffset, long dataOffset, long compressedSize, long size, long crc,
                      String method, boolean stored, boolean directory, boolean symlink, boolean encrypted,
                      boolean readable, Instant modified, boolean dosTimeOnly, String defect, String defectCode,
                      Object handle) {

    ZipItem withDefect(String code, String why) {
        return new ZipItem(name, headerOffset, dataOffset, compressedSize, size, crc, method, stored, directory,
                symlink, encrypted, readable, modified, dosTimeOnly, why, code, handle);
    }
}
