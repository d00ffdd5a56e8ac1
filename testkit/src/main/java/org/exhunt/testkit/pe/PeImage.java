package org.exhunt.testkit.pe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal Windows executable with a version resource, laid out as the PE/COFF specification says: a DOS
 * header whose {@code e_lfanew} points at the PE signature, the COFF file header, a PE32 or PE32+ optional
 * header whose resource data directory points at the one {@code .rsrc} section, and in it the resource tree
 * {@code RT_VERSION (16) / 1 / language} leading to a {@code VS_VERSIONINFO}. The offsets of each structure are
 * kept so that tests can damage exactly one of them.
 *
 * @param bytes          the file
 * @param peHeader       offset of the {@code PE\0\0} signature
 * @param optionalHeader offset of the optional header
 * @param sectionTable   offset of the section table
 * @param resources      file offset of the {@code .rsrc} section (the resource root directory)
 * @param versionInfo    file offset of the {@code VS_VERSIONINFO} block
 */
public record PeImage(byte[] bytes, int peHeader, int optionalHeader, int sectionTable, int resources,
                      int versionInfo) {

    static final int FILE_ALIGNMENT = 0x200;
    static final int SECTION_ALIGNMENT = 0x1000;
    static final int RSRC_RVA = 0x1000;
    static final int RT_VERSION = 16;

    public static Builder builder() {
        return new Builder();
    }

    /** {@link #exSetup(int, int, int, int)} for a build written {@code 15.1.2176.2}. */
    public static PeImage exSetup(String build) {
        String[] v = build.split("\\.");
        return exSetup(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3]));
    }

    /** The file as Exchange's setup would carry it for a build ({@code 15.1.2176.2}), with Exchange's version strings. */
    public static PeImage exSetup(int major, int minor, int build, int revision) {
        String longForm = String.format("%02d.%02d.%04d.%03d", major, minor, build, revision);
        return builder().fileVersion(major, minor, build, revision).productVersion(major, minor, build, revision)
                .string("Comments", "Synthetic stand-in for ExSetup.exe, written by exhunt's testkit; not Microsoft's file")
                .string("FileDescription", "ExSetup")
                .string("FileVersion", longForm)
                .string("InternalName", "ExSetup.exe")
                .string("OriginalFilename", "ExSetup.exe")
                .string("ProductName", "Microsoft\u00ae Exchange")
                .string("ProductVersion", longForm)
                .build();
    }

    /** Collects what goes into the version resource. */
    public static final class Builder {
        private int[] fileVersion = {0, 0, 0, 0};
        private int[] productVersion = {0, 0, 0, 0};
        private boolean pe32Plus;
        private String language = "040904b0";
        private final Map<String, String> strings = new LinkedHashMap<>();

        public Builder fileVersion(int a, int b, int c, int d) {
            fileVersion = new int[] {a, b, c, d};
            return this;
        }

        public Builder productVersion(int a, int b, int c, int d) {
            productVersion = new int[] {a, b, c, d};
            return this;
        }

        /** A PE32+ (64-bit) image instead of PE32. */
        public Builder pe32Plus() {
            pe32Plus = true;
            return this;
        }

        /** The string table's language and code page, {@code 040904b0} (US English, Unicode). */
        public Builder language(String hex8) {
            language = hex8;
            return this;
        }

        public Builder string(String key, String value) {
            strings.put(key, value);
            return this;
        }

        public PeImage build() {
            byte[] version = VersionInfo.write(fileVersion, productVersion, language, strings);
            int langId = Integer.parseInt(language.substring(0, 4), 16);
            // resource tree: root (type) → name → language → data entry → data, each directory with one id entry
            LittleEndian rsrc = new LittleEndian();
            directory(rsrc, RT_VERSION, 0x80000000L | 0x18);
            directory(rsrc, 1, 0x80000000L | 0x30);
            directory(rsrc, langId, 0x48);
            int dataOffset = 0x58;
            rsrc.u32(RSRC_RVA + dataOffset).u32(version.length).u32(0).u32(0);
            rsrc.bytes(version);
            int rsrcSize = rsrc.size();

            LittleEndian f = new LittleEndian();
            // DOS header: "MZ", e_lfanew at 0x3C
            f.u16(0x5A4D).zeros(0x3A).u32(0x40);
            int pe = f.size();
            f.u32(0x00004550);
            int optionalSize = pe32Plus ? 240 : 224;
            f.u16(pe32Plus ? 0x8664 : 0x014C).u16(1).u32(0).u32(0).u32(0).u16(optionalSize)
                    .u16(pe32Plus ? 0x0022 : 0x0102);
            int optional = f.size();
            int imageSize = RSRC_RVA + align(rsrcSize, SECTION_ALIGNMENT);
            f.u16(pe32Plus ? 0x20B : 0x10B).u8(14).u8(0).u32(0).u32(align(rsrcSize, FILE_ALIGNMENT)).u32(0)
                    .u32(0).u32(RSRC_RVA);
            if (pe32Plus) f.u64(0x140000000L);
            else f.u32(RSRC_RVA).u32(0x400000);
            f.u32(SECTION_ALIGNMENT).u32(FILE_ALIGNMENT).u16(6).u16(0).u16(0).u16(0).u16(6).u16(0).u32(0)
                    .u32(imageSize).u32(FILE_ALIGNMENT).u32(0).u16(3).u16(0x8540);
            for (int i = 0; i < 4; i++) {
                if (pe32Plus) f.u64(0x100000);
                else f.u32(0x100000);
            }
            f.u32(0).u32(16);
            for (int i = 0; i < 16; i++) {
                if (i == 2) f.u32(RSRC_RVA).u32(rsrcSize);
                else f.u32(0).u32(0);
            }
            int sections = f.size();
            f.bytes(new byte[] {'.', 'r', 's', 'r', 'c', 0, 0, 0}).u32(rsrcSize).u32(RSRC_RVA)
                    .u32(align(rsrcSize, FILE_ALIGNMENT)).u32(FILE_ALIGNMENT).u32(0).u32(0).u16(0).u16(0)
                    .u32(0x40000040L);
            f.align(FILE_ALIGNMENT);
            int resources = f.size();
            f.bytes(rsrc.toByteArray()).align(FILE_ALIGNMENT);
            return new PeImage(f.toByteArray(), pe, optional, sections, resources, resources + dataOffset);
        }

        private static void directory(LittleEndian b, int id, long offsetToData) {
            b.u32(0).u32(0).u16(0).u16(0).u16(0).u16(1).u32(id).u32(offsetToData);
        }

        private static int align(int n, int alignment) {
            return (n + alignment - 1) / alignment * alignment;
        }
    }
}
