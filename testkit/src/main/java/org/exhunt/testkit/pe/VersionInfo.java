package org.exhunt.testkit.pe;

import java.util.Map;

/**
 * Writes a {@code VS_VERSIONINFO} resource: the fixed file info, a {@code StringFileInfo} with one string table,
 * and a {@code VarFileInfo} translation. Every block is {@code wLength, wValueLength, wType, szKey}, padded to
 * 32 bits, then its value and children, each padded to 32 bits (Microsoft's "VS_VERSIONINFO structure").
 */
final class VersionInfo {

    static final long FIXED_SIGNATURE = 0xFEEF04BDL;

    private VersionInfo() {}

    static byte[] write(int[] fileVersion, int[] productVersion, String language, Map<String, String> strings) {
        LittleEndian fixed = new LittleEndian()
                .u32(FIXED_SIGNATURE).u32(0x00010000)
                .u32(ms(fileVersion)).u32(ls(fileVersion))
                .u32(ms(productVersion)).u32(ls(productVersion))
                .u32(0x3F).u32(0).u32(0x00040004).u32(1).u32(0).u32(0).u32(0);
        LittleEndian table = new LittleEndian();
        for (Map.Entry<String, String> s : strings.entrySet()) {
            LittleEndian value = new LittleEndian().wideZ(s.getValue());
            table.bytes(block(s.getKey(), value.toByteArray(), s.getValue().length() + 1, 1, new byte[0])).align(4);
        }
        byte[] stringTable = block(language, new byte[0], 0, 1, table.toByteArray());
        byte[] stringFileInfo = block("StringFileInfo", new byte[0], 0, 1, stringTable);
        int langId = Integer.parseInt(language.substring(0, 4), 16);
        int codePage = Integer.parseInt(language.substring(4), 16);
        byte[] translation = new LittleEndian().u16(langId).u16(codePage).toByteArray();
        byte[] varFileInfo = block("VarFileInfo", new byte[0], 0, 1, block("Translation", translation, 4, 0, new byte[0]));
        byte[] children = new LittleEndian().bytes(stringFileInfo).align(4).bytes(varFileInfo).toByteArray();
        byte[] fixedBytes = fixed.toByteArray();
        return block("VS_VERSION_INFO", fixedBytes, fixedBytes.length, 0, children);
    }

    /** One block: header, key, padding, value, padding, children. {@code valueLength} is in the block's units. */
    private static byte[] block(String key, byte[] value, int valueLength, int type, byte[] children) {
        LittleEndian b = new LittleEndian().u16(0).u16(valueLength).u16(type).wideZ(key).align(4).bytes(value);
        if (children.length > 0) b.align(4).bytes(children);
        byte[] bytes = b.toByteArray();
        LittleEndian.putU16(bytes, 0, bytes.length);
        return bytes;
    }

    private static long ms(int[] v) {
        return ((long) v[0] << 16) | v[1];
    }

    private static long ls(int[] v) {
        return ((long) v[2] << 16) | v[3];
    }
}
