package org.exhunt.logs.evtx;

import java.util.HashMap;
import java.util.Map;

/**
 * One chunk's bytes with the names and templates parsed from it so far. Names and templates are stored
 * once per chunk and referenced by chunk offset, so each is parsed once and shared by the chunk's records.
 * A template that fails to parse is remembered too, so a broken definition costs one diagnostic per record,
 * not one parse.
 */
final class ChunkContext {

    /** Longer names do not occur in event logs; XML itself sets no limit. */
    private static final int MAX_NAME_CHARS = 255;

    final byte[] bytes;
    final int length;
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, Object> templates = new HashMap<>();   // Template or EvtxFormatException

    ChunkContext(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    /**
     * The name stored at a chunk offset: next-name offset, hash, length in characters, UTF-16 text, NUL.
     * It must look like an XML name: a reference into overwritten space (a record recovered from slack whose
     * template is gone) otherwise turns garbage into field names.
     */
    String name(int offset) throws EvtxFormatException {
        String name = names.get(offset);
        if (name == null) {
            int chars = nameChars(offset);
            name = Utf16.decode(bytes, offset + 8, chars);
            if (!isXmlName(name)) throw new EvtxFormatException("not an XML name at chunk offset " + offset, offset);
            names.put(offset, name);
        }
        return name;
    }

    /** Letters, digits and {@code _ - . :}, not starting with a digit, {@code -} or {@code .}, at most 255 long. */
    static boolean isXmlName(String s) {
        if (s.isEmpty() || s.length() > MAX_NAME_CHARS) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean start = Character.isLetter(c) || c == '_' || c == ':';
            if (!start && (i == 0 || !(Character.isDigit(c) || c == '-' || c == '.'))) return false;
        }
        return true;
    }

    /** Bytes a name structure takes, for skipping one stored inline. */
    int nameSize(int offset) throws EvtxFormatException {
        return 8 + 2 * nameChars(offset) + 2;
    }

    private int nameChars(int offset) throws EvtxFormatException {
        if (offset < 0 || offset > length - 8) throw new EvtxFormatException("name offset outside the chunk", offset);
        int chars = Bytes.u16(bytes, offset + 6);
        if (offset + 8 + 2 * chars > length) throw new EvtxFormatException("name runs past the chunk", offset);
        return chars;
    }

    /** The template whose definition starts at a chunk offset, parsed on first use. */
    Template template(int offset) throws EvtxFormatException {
        Object cached = templates.get(offset);
        if (cached instanceof Template t) return t;
        if (cached instanceof EvtxFormatException e) throw e;
        try {
            Template t = BinXmlParser.parseTemplate(this, offset);
            templates.put(offset, t);
            return t;
        } catch (EvtxFormatException e) {
            templates.put(offset, e);
            throw e;
        }
    }

    /** Bytes a template definition takes: its 24-byte header and its data. */
    int templateSize(int offset) throws EvtxFormatException {
        if (offset < 0 || offset > length - 24) {
            throw new EvtxFormatException("template definition offset outside the chunk", offset);
        }
        return 24 + (int) Math.min(Bytes.u32(bytes, offset + 20), Integer.MAX_VALUE - 24);
    }
}
