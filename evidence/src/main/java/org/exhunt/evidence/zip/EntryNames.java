package org.exhunt.evidence.zip;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Entry names as their writer meant them. The zip format says names without the UTF-8 flag are in code page
 * 437, but many writers put UTF-8 there without the flag; Windows' own zip folder writes the OEM code page.
 * So: the flag or an Info-ZIP Unicode path field wins; otherwise bytes that are valid UTF-8 are read as UTF-8,
 * and the rest as code page 437.
 */
final class EntryNames {

    private static final Charset CP437 = cp437();

    private EntryNames() {}

    static String of(ZipArchiveEntry entry) {
        if (entry.getGeneralPurposeBit().usesUTF8ForNames()
                || entry.getNameSource() == ZipArchiveEntry.NameSource.UNICODE_EXTRA_FIELD) {
            return entry.getName();
        }
        byte[] raw = entry.getRawName();
        if (raw == null) return entry.getName();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, CP437);
        }
    }

    private static Charset cp437() {
        try {
            return Charset.forName("IBM437");
        } catch (UnsupportedCharsetException e) {
            return StandardCharsets.ISO_8859_1; // a runtime without jdk.charsets: Latin-1 keeps every byte visible
        }
    }
}
