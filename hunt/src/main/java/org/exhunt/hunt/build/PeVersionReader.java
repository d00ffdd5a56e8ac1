package org.exhunt.hunt.build;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Limits;
import org.exhunt.kb.BuildNumber;

/**
 * Reads the version resource of a Windows PE file, as {@code FileVersionInfo} does for HealthChecker's
 * {@code ExSetup.exe} check: DOS header → {@code e_lfanew} → PE signature → COFF header → optional header (PE32
 * or PE32+) → resource data directory → section holding it → resource tree {@code RT_VERSION (16)} / first name /
 * first language → {@code VS_VERSIONINFO} → {@code VS_FIXEDFILEINFO} and the first {@code StringFileInfo} table.
 *
 * <p>The file is attacker-controlled. Every read is bounds-checked against the file, every offset taken from
 * the file is checked before it is followed, the resource tree is walked exactly three levels (no recursion a
 * crafted file could loop), counts are capped ({@link Limits}), and every block of the version resource must
 * be at least as long as its header, so each step moves forward. Damage is a {@link PeFormatException} with a
 * stable code and the offset, never anything else.
 */
public final class PeVersionReader {

    private static final int MZ = 0x5A4D;
    private static final long PE_SIGNATURE = 0x00004550L;
    private static final long FIXED_SIGNATURE = 0xFEEF04BDL;
    private static final int RT_VERSION = 16;
    private static final int RESOURCE_DIRECTORY_INDEX = 2;

    private final byte[] b;

    private PeVersionReader(byte[] file) {
        this.b = file;
    }

    /** The version resource of {@code file}. */
    public static PeVersion read(byte[] file) throws PeFormatException {
        return new PeVersionReader(file).version();
    }

    private PeVersion version() throws PeFormatException {
        if (b.length >= 2 && u16(0) != MZ) throw new PeFormatException("pe.not-pe", 0, "not a PE file: no MZ signature");
        if (b.length < 0x40) throw new PeFormatException("pe.truncated", b.length, "shorter than a DOS header (" + b.length + " bytes)");
        long pe = u32(0x3C);
        need(pe, 24, "PE header (e_lfanew = 0x" + Long.toHexString(pe) + ")");
        if (u32(pe) != PE_SIGNATURE) throw new PeFormatException("pe.not-pe", pe, "not a PE file: no PE signature at 0x" + Long.toHexString(pe));
        long coff = pe + 4;
        int sections = u16(coff + 2);
        int optionalSize = u16(coff + 16);
        if (sections == 0 || sections > Limits.PE_SECTIONS) {
            throw new PeFormatException("pe.malformed", coff + 2, sections + " sections (expected 1 to " + Limits.PE_SECTIONS + ")");
        }
        long optional = coff + 20;
        need(optional, optionalSize, "optional header");
        int magic = u16(optional);
        long directories = switch (magic) {
            case 0x10B -> optional + 96;
            case 0x20B -> optional + 112;
            default -> throw new PeFormatException("pe.malformed", optional, "unknown optional header magic 0x" + Integer.toHexString(magic));
        };
        if (directories > optional + optionalSize) throw new PeFormatException("pe.malformed", optional, "optional header too short");
        long count = u32(directories - 4);
        long resourceEntry = directories + 8L * RESOURCE_DIRECTORY_INDEX;
        if (count <= RESOURCE_DIRECTORY_INDEX || resourceEntry + 8 > optional + optionalSize) {
            throw new PeFormatException("pe.no-version", directories - 4, "no resource directory");
        }
        long rsrcRva = u32(resourceEntry);
        long rsrcSize = u32(resourceEntry + 4);
        if (rsrcRva == 0 || rsrcSize == 0) throw new PeFormatException("pe.no-version", resourceEntry, "no resources");
        Section[] table = sections(optional + optionalSize, sections);
        long root = fileOffset(table, rsrcRva, resourceEntry);
        long end = Math.min(b.length, root + rsrcSize);

        long types = subdirectory(root, end, entry(root, end, RT_VERSION, "no version resource"), "RT_VERSION");
        long names = subdirectory(root, end, entry(types, end, -1, "empty RT_VERSION directory"), "version resource name");
        long data = entry(names, end, -1, "version resource without a language");
        if ((u32(data + 4) & 0x80000000L) != 0) throw new PeFormatException("pe.malformed", data, "version resource deeper than three levels");
        long dataEntry = root + u32(data + 4);
        if (dataEntry + 16 > end) throw new PeFormatException("pe.malformed", data, "version data entry outside the resources");
        long blob = fileOffset(table, u32(dataEntry), dataEntry);
        long blobSize = u32(dataEntry + 4);
        if (blob + blobSize > b.length) {
            throw new PeFormatException("pe.truncated", blob, "version resource of " + blobSize + " bytes runs past the end of the file");
        }
        return versionInfo(blob, blob + blobSize);
    }

    private record Section(long rva, long virtualSize, long rawSize, long rawOffset) {}

    private Section[] sections(long at, int count) throws PeFormatException {
        need(at, 40L * count, "section table");
        Section[] table = new Section[count];
        for (int i = 0; i < count; i++) {
            long s = at + 40L * i;
            table[i] = new Section(u32(s + 12), u32(s + 8), u32(s + 16), u32(s + 20));
        }
        return table;
    }

    /** The file offset of an RVA, through the section that holds it. */
    private long fileOffset(Section[] table, long rva, long from) throws PeFormatException {
        for (Section s : table) {
            long size = Math.max(s.virtualSize, s.rawSize);
            if (rva >= s.rva && rva < s.rva + size) {
                long delta = rva - s.rva;
                if (delta >= s.rawSize || s.rawOffset + delta >= b.length) {
                    throw new PeFormatException("pe.truncated", from, "RVA 0x" + Long.toHexString(rva) + " lies past the end of the file");
                }
                return s.rawOffset + delta;
            }
        }
        throw new PeFormatException("pe.malformed", from, "RVA 0x" + Long.toHexString(rva) + " is in no section");
    }

    /** The entry of a resource directory with this id, or its first entry when {@code id} is -1. */
    private long entry(long directory, long end, int id, String missing) throws PeFormatException {
        if (directory + 16 > end) throw new PeFormatException("pe.malformed", directory, "resource directory outside the resources");
        int named = u16(directory + 12);
        int ids = u16(directory + 14);
        if (named + ids > Limits.PE_RESOURCE_ENTRIES) {
            throw new PeFormatException("pe.malformed", directory + 12, (named + ids) + " resource entries (cap " + Limits.PE_RESOURCE_ENTRIES + ")");
        }
        long first = directory + 16;
        if (first + 8L * (named + ids) > end) throw new PeFormatException("pe.truncated", first, "resource directory entries run past the resources");
        for (int i = 0; i < named + ids; i++) {
            long e = first + 8L * i;
            boolean byName = (u32(e) & 0x80000000L) != 0;
            if (id == -1 || (!byName && (u32(e) & 0xFFFF) == id)) return e;
        }
        throw new PeFormatException("pe.no-version", directory, missing);
    }

    private long subdirectory(long root, long end, long entry, String what) throws PeFormatException {
        long field = u32(entry + 4);
        if ((field & 0x80000000L) == 0) throw new PeFormatException("pe.malformed", entry, what + " is not a directory");
        long at = root + (field & 0x7FFFFFFFL);
        if (at + 16 > end) throw new PeFormatException("pe.malformed", entry, what + " directory outside the resources");
        return at;
    }

    // ---- VS_VERSIONINFO ---------------------------------------------------------------------------------------

    /** A block's header: where it starts and ends, its value length and type, its key, where its value starts. */
    private record Block(long start, long end, int valueLength, int type, String key, long value) {}

    private Block block(long at, long limit) throws PeFormatException {
        if (at + 6 > limit) throw new PeFormatException("pe.truncated", at, "version block header cut short");
        int length = u16(at);
        if (length < 6) throw new PeFormatException("pe.malformed", at, "version block of " + length + " bytes");
        if (at + length > limit) throw new PeFormatException("pe.truncated", at, "version block of " + length + " bytes runs past its parent");
        long keyAt = at + 6;
        StringBuilder key = new StringBuilder();
        long p = keyAt;
        while (true) {
            if (p + 2 > at + length) throw new PeFormatException("pe.malformed", keyAt, "version block key without its end");
            int c = u16(p);
            p += 2;
            if (c == 0) break;
            if (key.length() < Limits.PE_VERSION_STRING_CHARS) key.append((char) c);
        }
        return new Block(at, at + length, u16(at + 2), u16(at + 4), key.toString(), align4(p));
    }

    private PeVersion versionInfo(long at, long limit) throws PeFormatException {
        Block root = block(at, limit);
        if (!root.key.equals("VS_VERSION_INFO")) throw new PeFormatException("pe.malformed", at, "version resource key is '" + printable(root.key) + "'");
        if (root.valueLength < 52 || root.value + 52 > root.end) throw new PeFormatException("pe.no-version", at, "no fixed file version");
        long f = root.value;
        if (u32(f) != FIXED_SIGNATURE) throw new PeFormatException("pe.malformed", f, "fixed file version without its signature");
        BuildNumber file = version(u32(f + 8), u32(f + 12));
        BuildNumber product = version(u32(f + 16), u32(f + 20));
        Map<String, String> strings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            for (long child = align4(root.value + root.valueLength); child + 6 <= root.end; ) {
                Block c = block(child, root.end);
                if (c.key.equals("StringFileInfo")) readStrings(c, strings);
                child = align4(c.end);
            }
        } catch (PeFormatException e) {
            problems.add(e.getMessage() + " at offset " + e.offset());
        }
        return new PeVersion(file, product, strings, problems);
    }

    private void readStrings(Block stringFileInfo, Map<String, String> strings) throws PeFormatException {
        if (stringFileInfo.value + 6 > stringFileInfo.end) return;
        Block table = block(stringFileInfo.value, stringFileInfo.end);
        for (long s = table.value; s + 6 <= table.end && strings.size() < Limits.PE_VERSION_STRINGS; ) {
            Block str = block(s, table.end);
            strings.putIfAbsent(str.key, wide(str.value, Math.min(str.end, str.value + 2L * str.valueLength)));
            s = align4(str.end);
        }
    }

    /** UTF-16LE text from {@code at} up to a NUL or {@code end}, capped. */
    private String wide(long at, long end) {
        int chars = (int) Math.min(Math.max(0, (end - at) / 2), Limits.PE_VERSION_STRING_CHARS);
        String s = new String(b, (int) at, chars * 2, StandardCharsets.UTF_16LE);
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    private static BuildNumber version(long ms, long ls) {
        return BuildNumber.of((int) (ms >>> 16), (int) (ms & 0xFFFF), (int) (ls >>> 16), (int) (ls & 0xFFFF));
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    // ---- bounds-checked little-endian reads -----------------------------------------------------------------

    private void need(long at, long length, String what) throws PeFormatException {
        if (at < 0 || length < 0 || at + length > b.length) {
            throw new PeFormatException("pe.truncated", Math.min(at, b.length), what + " runs past the end of the file (" + b.length + " bytes)");
        }
    }

    private int u16(long at) throws PeFormatException {
        need(at, 2, "a 16-bit field at 0x" + Long.toHexString(at));
        return (b[(int) at] & 0xFF) | (b[(int) at + 1] & 0xFF) << 8;
    }

    private long u32(long at) throws PeFormatException {
        need(at, 4, "a 32-bit field at 0x" + Long.toHexString(at));
        return (u16(at) | (long) u16(at + 2) << 16) & 0xFFFFFFFFL;
    }

    private static long align4(long n) {
        return (n + 3) & ~3L;
    }
}
