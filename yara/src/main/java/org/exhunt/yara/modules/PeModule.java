package org.exhunt.yara.modules;

import org.exhunt.yara.data.ScanData;

/**
 * libyara 4.2.3's {@code pe} module, declared field for field (checked against {@code yara} itself by
 * {@code PeDeclarationsTest}) so that every rule using {@code pe} compiles exactly when YARA compiles it.
 * For now it computes {@code is_pe} and the constants ({@code pe.MACHINE_I386}, {@code pe.DLL}, ...); the
 * fields read from a PE file's headers and the functions are undefined. On a non-PE file that is exactly
 * what YARA does; on a PE file the scanner reports which rules needed the parts not yet implemented.
 */
public final class PeModule implements Module {

    /** libyara's {@code IMAGE_NT_HEADERS32} and {@code IMAGE_NT_HEADERS64} sizes. */
    private static final int NT_HEADERS32 = 248;
    private static final int NT_HEADERS64 = 264;

    private static final ModuleFunction NOT_IMPLEMENTED = (a, c) -> null;

    private final Declaration.StructDecl declarations = declare();

    @Override
    public String name() {
        return "pe";
    }

    @Override
    public Declaration.StructDecl declarations() {
        return declarations;
    }

    /** Whether {@code data} has a PE header where libyara looks for one ({@code pe_get_header}). */
    public static boolean isPe(ScanData data) {
        int size = data.size();
        if (size < 64) return false;
        if ((data.get(0) & 0xFF) != 'M' || (data.get(1) & 0xFF) != 'Z') return false;
        long lfanew = le32(data, 0x3C);
        if (lfanew < 0) return false;
        if (size < lfanew + 4 + 20) return false;
        int at = (int) lfanew;
        if (data.get(at) != 'P' || data.get(at + 1) != 'E' || data.get(at + 2) != 0 || data.get(at + 3) != 0) return false;
        // The optional header's magic tells the 32- from the 64-bit layout, whose whole headers must fit.
        long magicAt = lfanew + 24;
        boolean pe64 = magicAt + 2 <= size && (le16(data, (int) magicAt) == 0x20B);
        return size >= lfanew + (pe64 ? NT_HEADERS64 : NT_HEADERS32);
    }

    private static long le32(ScanData d, int at) {
        return (d.get(at) & 0xFF) | (d.get(at + 1) & 0xFF) << 8 | (d.get(at + 2) & 0xFF) << 16 | ((long) d.get(at + 3)) << 24;
    }

    private static int le16(ScanData d, int at) {
        return (d.get(at) & 0xFF) | (d.get(at + 1) & 0xFF) << 8;
    }

    /** The data of every file that is not PE (and, until PE files are parsed, of every PE file but is_pe). */
    private final ObjectValue.Struct notPe = root(false);
    private final ObjectValue.Struct pe = root(true);

    private ObjectValue.Struct root(boolean isPe) {
        ObjectValue.Struct root = ObjectValue.emptyStruct(declarations);
        for (var e : CONSTANTS.entrySet()) root.set(e.getKey(), e.getValue());
        root.set("is_pe", isPe ? 1L : 0L);
        return root;
    }

    @Override
    public ObjectValue.Struct load(ModuleContext context) {
        return isPe(context.data()) ? pe : notPe;
    }

    /** The members whose value does not need the PE parser: constants and {@code is_pe}. */
    public static boolean isComputed(String member) {
        return CONSTANTS.containsKey(member) || member.equals("is_pe");
    }

    private static final java.util.Map<String, Long> CONSTANTS = new java.util.LinkedHashMap<>();

    private static void c(String name, long value) {
        CONSTANTS.put(name, value);
    }

    static {
            c("MACHINE_UNKNOWN", 0L);
            c("MACHINE_AM33", 467L);
            c("MACHINE_AMD64", 34404L);
            c("MACHINE_ARM", 448L);
            c("MACHINE_ARMNT", 452L);
            c("MACHINE_ARM64", 43620L);
            c("MACHINE_EBC", 3772L);
            c("MACHINE_I386", 332L);
            c("MACHINE_IA64", 512L);
            c("MACHINE_M32R", 36929L);
            c("MACHINE_MIPS16", 614L);
            c("MACHINE_MIPSFPU", 870L);
            c("MACHINE_MIPSFPU16", 1126L);
            c("MACHINE_POWERPC", 496L);
            c("MACHINE_POWERPCFP", 497L);
            c("MACHINE_R4000", 358L);
            c("MACHINE_SH3", 418L);
            c("MACHINE_SH3DSP", 419L);
            c("MACHINE_SH4", 422L);
            c("MACHINE_SH5", 424L);
            c("MACHINE_THUMB", 450L);
            c("MACHINE_WCEMIPSV2", 361L);
            c("MACHINE_TARGET_HOST", 1L);
            c("MACHINE_R3000", 354L);
            c("MACHINE_R10000", 360L);
            c("MACHINE_ALPHA", 388L);
            c("MACHINE_SH3E", 420L);
            c("MACHINE_ALPHA64", 644L);
            c("MACHINE_AXP64", 644L);
            c("MACHINE_TRICORE", 1312L);
            c("MACHINE_CEF", 3311L);
            c("MACHINE_CEE", 49390L);
            c("SUBSYSTEM_UNKNOWN", 0L);
            c("SUBSYSTEM_NATIVE", 1L);
            c("SUBSYSTEM_WINDOWS_GUI", 2L);
            c("SUBSYSTEM_WINDOWS_CUI", 3L);
            c("SUBSYSTEM_OS2_CUI", 5L);
            c("SUBSYSTEM_POSIX_CUI", 7L);
            c("SUBSYSTEM_NATIVE_WINDOWS", 8L);
            c("SUBSYSTEM_WINDOWS_CE_GUI", 9L);
            c("SUBSYSTEM_EFI_APPLICATION", 10L);
            c("SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER", 11L);
            c("SUBSYSTEM_EFI_RUNTIME_DRIVER", 12L);
            c("SUBSYSTEM_EFI_ROM_IMAGE", 13L);
            c("SUBSYSTEM_XBOX", 14L);
            c("SUBSYSTEM_WINDOWS_BOOT_APPLICATION", 16L);
            c("HIGH_ENTROPY_VA", 32L);
            c("DYNAMIC_BASE", 64L);
            c("FORCE_INTEGRITY", 128L);
            c("NX_COMPAT", 256L);
            c("NO_ISOLATION", 512L);
            c("NO_SEH", 1024L);
            c("NO_BIND", 2048L);
            c("APPCONTAINER", 4096L);
            c("WDM_DRIVER", 8192L);
            c("GUARD_CF", 16384L);
            c("TERMINAL_SERVER_AWARE", 32768L);
            c("RELOCS_STRIPPED", 1L);
            c("EXECUTABLE_IMAGE", 2L);
            c("LINE_NUMS_STRIPPED", 4L);
            c("LOCAL_SYMS_STRIPPED", 8L);
            c("AGGRESIVE_WS_TRIM", 16L);
            c("LARGE_ADDRESS_AWARE", 32L);
            c("BYTES_REVERSED_LO", 128L);
            c("MACHINE_32BIT", 256L);
            c("DEBUG_STRIPPED", 512L);
            c("REMOVABLE_RUN_FROM_SWAP", 1024L);
            c("NET_RUN_FROM_SWAP", 2048L);
            c("SYSTEM", 4096L);
            c("DLL", 8192L);
            c("UP_SYSTEM_ONLY", 16384L);
            c("BYTES_REVERSED_HI", 32768L);
            c("IMAGE_DIRECTORY_ENTRY_EXPORT", 0L);
            c("IMAGE_DIRECTORY_ENTRY_IMPORT", 1L);
            c("IMAGE_DIRECTORY_ENTRY_RESOURCE", 2L);
            c("IMAGE_DIRECTORY_ENTRY_EXCEPTION", 3L);
            c("IMAGE_DIRECTORY_ENTRY_SECURITY", 4L);
            c("IMAGE_DIRECTORY_ENTRY_BASERELOC", 5L);
            c("IMAGE_DIRECTORY_ENTRY_DEBUG", 6L);
            c("IMAGE_DIRECTORY_ENTRY_ARCHITECTURE", 7L);
            c("IMAGE_DIRECTORY_ENTRY_COPYRIGHT", 7L);
            c("IMAGE_DIRECTORY_ENTRY_GLOBALPTR", 8L);
            c("IMAGE_DIRECTORY_ENTRY_TLS", 9L);
            c("IMAGE_DIRECTORY_ENTRY_LOAD_CONFIG", 10L);
            c("IMAGE_DIRECTORY_ENTRY_BOUND_IMPORT", 11L);
            c("IMAGE_DIRECTORY_ENTRY_IAT", 12L);
            c("IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT", 13L);
            c("IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR", 14L);
            c("IMAGE_NT_OPTIONAL_HDR32_MAGIC", 267L);
            c("IMAGE_NT_OPTIONAL_HDR64_MAGIC", 523L);
            c("IMAGE_ROM_OPTIONAL_HDR_MAGIC", 263L);
            c("SECTION_NO_PAD", 8L);
            c("SECTION_CNT_CODE", 32L);
            c("SECTION_CNT_INITIALIZED_DATA", 64L);
            c("SECTION_CNT_UNINITIALIZED_DATA", 128L);
            c("SECTION_LNK_OTHER", 256L);
            c("SECTION_LNK_INFO", 512L);
            c("SECTION_LNK_REMOVE", 2048L);
            c("SECTION_LNK_COMDAT", 4096L);
            c("SECTION_NO_DEFER_SPEC_EXC", 16384L);
            c("SECTION_GPREL", 32768L);
            c("SECTION_MEM_FARDATA", 32768L);
            c("SECTION_MEM_PURGEABLE", 131072L);
            c("SECTION_MEM_16BIT", 131072L);
            c("SECTION_MEM_LOCKED", 262144L);
            c("SECTION_MEM_PRELOAD", 524288L);
            c("SECTION_ALIGN_1BYTES", 1048576L);
            c("SECTION_ALIGN_2BYTES", 2097152L);
            c("SECTION_ALIGN_4BYTES", 3145728L);
            c("SECTION_ALIGN_8BYTES", 4194304L);
            c("SECTION_ALIGN_16BYTES", 5242880L);
            c("SECTION_ALIGN_32BYTES", 6291456L);
            c("SECTION_ALIGN_64BYTES", 7340032L);
            c("SECTION_ALIGN_128BYTES", 8388608L);
            c("SECTION_ALIGN_256BYTES", 9437184L);
            c("SECTION_ALIGN_512BYTES", 10485760L);
            c("SECTION_ALIGN_1024BYTES", 11534336L);
            c("SECTION_ALIGN_2048BYTES", 12582912L);
            c("SECTION_ALIGN_4096BYTES", 13631488L);
            c("SECTION_ALIGN_8192BYTES", 14680064L);
            c("SECTION_ALIGN_MASK", 15728640L);
            c("SECTION_LNK_NRELOC_OVFL", 16777216L);
            c("SECTION_MEM_DISCARDABLE", 33554432L);
            c("SECTION_MEM_NOT_CACHED", 67108864L);
            c("SECTION_MEM_NOT_PAGED", 134217728L);
            c("SECTION_MEM_SHARED", 268435456L);
            c("SECTION_MEM_EXECUTE", 536870912L);
            c("SECTION_MEM_READ", 1073741824L);
            c("SECTION_MEM_WRITE", 2147483648L);
            c("SECTION_SCALE_INDEX", 1L);
            c("RESOURCE_TYPE_CURSOR", 1L);
            c("RESOURCE_TYPE_BITMAP", 2L);
            c("RESOURCE_TYPE_ICON", 3L);
            c("RESOURCE_TYPE_MENU", 4L);
            c("RESOURCE_TYPE_DIALOG", 5L);
            c("RESOURCE_TYPE_STRING", 6L);
            c("RESOURCE_TYPE_FONTDIR", 7L);
            c("RESOURCE_TYPE_FONT", 8L);
            c("RESOURCE_TYPE_ACCELERATOR", 9L);
            c("RESOURCE_TYPE_RCDATA", 10L);
            c("RESOURCE_TYPE_MESSAGETABLE", 11L);
            c("RESOURCE_TYPE_GROUP_CURSOR", 12L);
            c("RESOURCE_TYPE_GROUP_ICON", 14L);
            c("RESOURCE_TYPE_VERSION", 16L);
            c("RESOURCE_TYPE_DLGINCLUDE", 17L);
            c("RESOURCE_TYPE_PLUGPLAY", 19L);
            c("RESOURCE_TYPE_VXD", 20L);
            c("RESOURCE_TYPE_ANICURSOR", 21L);
            c("RESOURCE_TYPE_ANIICON", 22L);
            c("RESOURCE_TYPE_HTML", 23L);
            c("RESOURCE_TYPE_MANIFEST", 24L);
            c("IMAGE_DEBUG_TYPE_UNKNOWN", 0L);
            c("IMAGE_DEBUG_TYPE_COFF", 1L);
            c("IMAGE_DEBUG_TYPE_CODEVIEW", 2L);
            c("IMAGE_DEBUG_TYPE_FPO", 3L);
            c("IMAGE_DEBUG_TYPE_MISC", 4L);
            c("IMAGE_DEBUG_TYPE_EXCEPTION", 5L);
            c("IMAGE_DEBUG_TYPE_FIXUP", 6L);
            c("IMAGE_DEBUG_TYPE_OMAP_TO_SRC", 7L);
            c("IMAGE_DEBUG_TYPE_OMAP_FROM_SRC", 8L);
            c("IMAGE_DEBUG_TYPE_BORLAND", 9L);
            c("IMAGE_DEBUG_TYPE_RESERVED10", 10L);
            c("IMAGE_DEBUG_TYPE_CLSID", 11L);
            c("IMAGE_DEBUG_TYPE_VC_FEATURE", 12L);
            c("IMAGE_DEBUG_TYPE_POGO", 13L);
            c("IMAGE_DEBUG_TYPE_ILTCG", 14L);
            c("IMAGE_DEBUG_TYPE_MPX", 15L);
            c("IMAGE_DEBUG_TYPE_REPRO", 16L);
            c("IMPORT_DELAYED", 2L);
            c("IMPORT_STANDARD", 1L);
            c("IMPORT_ANY", -1L);
    }

    private static Declaration.StructDecl declare() {
        Declaration.StructDecl pe = new Declaration.StructDecl("pe");
        for (String constant : CONSTANTS.keySet()) {
            if (!constant.startsWith("IMPORT_")) pe.integer(constant);
        }
        pe.integer("is_pe").integer("machine").integer("number_of_sections").integer("timestamp")
                .integer("pointer_to_symbol_table").integer("number_of_symbols").integer("size_of_optional_header")
                .integer("characteristics").integer("entry_point").integer("entry_point_raw").integer("image_base")
                .integer("number_of_rva_and_sizes").integer("number_of_version_infos");
        pe.add(new Declaration.DictDecl("version_info", new Declaration.StringDecl("version_info")));
        pe.add(new Declaration.ArrayDecl("version_info_list",
                new Declaration.StructDecl("version_info_list").string("key").string("value")));
        pe.integer("opthdr_magic").integer("size_of_code").integer("size_of_initialized_data")
                .integer("size_of_uninitialized_data").integer("base_of_code").integer("base_of_data")
                .integer("section_alignment").integer("file_alignment");
        for (String version : new String[] {"linker_version", "os_version", "image_version", "subsystem_version"}) {
            pe.add(new Declaration.StructDecl(version).integer("major").integer("minor"));
        }
        pe.integer("win32_version_value").integer("size_of_image").integer("size_of_headers").integer("checksum")
                .function("calculate_checksum", "", 'i', NOT_IMPLEMENTED)
                .integer("subsystem").integer("dll_characteristics").integer("size_of_stack_reserve")
                .integer("size_of_stack_commit").integer("size_of_heap_reserve").integer("size_of_heap_commit")
                .integer("loader_flags");
        pe.add(new Declaration.ArrayDecl("data_directories",
                new Declaration.StructDecl("data_directories").integer("virtual_address").integer("size")));
        pe.add(new Declaration.ArrayDecl("sections", new Declaration.StructDecl("sections").string("name")
                .string("full_name").integer("characteristics").integer("virtual_address").integer("virtual_size")
                .integer("raw_data_offset").integer("raw_data_size").integer("pointer_to_relocations")
                .integer("pointer_to_line_numbers").integer("number_of_relocations").integer("number_of_line_numbers")));
        pe.add(new Declaration.StructDecl("overlay").integer("offset").integer("size"));
        pe.add(new Declaration.StructDecl("rich_signature").integer("offset").integer("length").integer("key")
                .string("raw_data").string("clear_data")
                .function("version", "i", 'i', NOT_IMPLEMENTED).function("version", "ii", 'i', NOT_IMPLEMENTED)
                .function("toolid", "i", 'i', NOT_IMPLEMENTED).function("toolid", "ii", 'i', NOT_IMPLEMENTED));
        pe.function("imphash", "", 's', NOT_IMPLEMENTED);
        pe.integer("IMPORT_DELAYED").integer("IMPORT_STANDARD").integer("IMPORT_ANY");
        pe.function("section_index", "s", 'i', NOT_IMPLEMENTED).function("section_index", "i", 'i', NOT_IMPLEMENTED)
                .function("exports", "s", 'i', NOT_IMPLEMENTED).function("exports", "r", 'i', NOT_IMPLEMENTED)
                .function("exports", "i", 'i', NOT_IMPLEMENTED)
                .function("exports_index", "s", 'i', NOT_IMPLEMENTED).function("exports_index", "i", 'i', NOT_IMPLEMENTED)
                .function("exports_index", "r", 'i', NOT_IMPLEMENTED)
                .function("imports", "ss", 'i', NOT_IMPLEMENTED).function("imports", "si", 'i', NOT_IMPLEMENTED)
                .function("imports", "s", 'i', NOT_IMPLEMENTED).function("imports", "rr", 'i', NOT_IMPLEMENTED)
                .function("imports", "iss", 'i', NOT_IMPLEMENTED).function("imports", "isi", 'i', NOT_IMPLEMENTED)
                .function("imports", "is", 'i', NOT_IMPLEMENTED).function("imports", "irr", 'i', NOT_IMPLEMENTED)
                .function("locale", "i", 'i', NOT_IMPLEMENTED).function("language", "i", 'i', NOT_IMPLEMENTED)
                .function("is_dll", "", 'i', NOT_IMPLEMENTED).function("is_32bit", "", 'i', NOT_IMPLEMENTED)
                .function("is_64bit", "", 'i', NOT_IMPLEMENTED);
        pe.integer("number_of_imports").integer("number_of_imported_functions").integer("number_of_delayed_imports")
                .integer("number_of_delayed_imported_functions").integer("number_of_exports")
                .string("dll_name").integer("export_timestamp");
        pe.add(new Declaration.ArrayDecl("export_details", new Declaration.StructDecl("export_details")
                .integer("offset").string("name").string("forward_name").integer("ordinal")));
        pe.add(new Declaration.ArrayDecl("import_details", new Declaration.StructDecl("import_details")
                .string("library_name").integer("number_of_functions")
                .add(new Declaration.ArrayDecl("functions",
                        new Declaration.StructDecl("functions").string("name").integer("ordinal")))));
        // 4.2.3 spells these two differently from later versions ("delayed_...", "number_of_functions").
        pe.add(new Declaration.ArrayDecl("delay_import_details", new Declaration.StructDecl("delay_import_details")
                .string("library_name").integer("number_of_function")
                .add(new Declaration.ArrayDecl("functions",
                        new Declaration.StructDecl("functions").string("name").integer("ordinal")))));
        pe.integer("resource_timestamp");
        pe.add(new Declaration.StructDecl("resource_version").integer("major").integer("minor"));
        pe.add(new Declaration.ArrayDecl("resources", new Declaration.StructDecl("resources").integer("rva")
                .integer("offset").integer("length").integer("type").integer("id").integer("language")
                .string("type_string").string("name_string").string("language_string")));
        pe.integer("number_of_resources").string("pdb_path");
        pe.add(new Declaration.ArrayDecl("signatures", new Declaration.StructDecl("signatures").string("thumbprint")
                .string("issuer").string("subject").integer("version").string("algorithm").string("algorithm_oid")
                .string("serial").integer("not_before").integer("not_after")
                .function("valid_on", "i", 'i', NOT_IMPLEMENTED)));
        pe.integer("number_of_signatures");
        pe.function("rva_to_offset", "i", 'i', NOT_IMPLEMENTED);
        return pe;
    }
}
