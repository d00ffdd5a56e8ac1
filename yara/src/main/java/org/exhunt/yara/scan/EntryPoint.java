package org.exhunt.yara.scan;

import org.exhunt.yara.condition.Values;
import org.exhunt.yara.data.ScanData;

/**
 * The {@code entrypoint} keyword's value: the file offset of a PE or ELF file's entry point, as libyara's
 * {@code yr_get_entry_point_offset}; undefined for anything else.
 */
final class EntryPoint {

    private EntryPoint() {}

    static long of(ScanData d) {
        int size = d.size();
        long pe = pe(d, size);
        if (pe != Values.UNDEFINED) return pe;
        return elf(d, size);
    }

    private static long u16(ScanData d, long at) {
        int i = (int) at;
        return (d.get(i) & 0xFF) | (d.get(i + 1) & 0xFF) << 8;
    }

    private static long u32(ScanData d, long at) {
        int i = (int) at;
        return ((d.get(i) & 0xFFL)) | (d.get(i + 1) & 0xFFL) << 8 | (d.get(i + 2) & 0xFFL) << 16 | (d.get(i + 3) & 0xFFL) << 24;
    }

    private static long u64(ScanData d, long at) {
        return u32(d, at) | u32(d, at + 4) << 32;
    }

    /** PE: the entry point RVA mapped through the section table (libyara's {@code yr_pe_rva_to_offset}). */
    private static long pe(ScanData d, int size) {
        if (size < 64 || d.get(0) != 'M' || d.get(1) != 'Z') return Values.UNDEFINED;
        long lfanew = (int) u32(d, 0x3C);
        if (lfanew < 0) return Values.UNDEFINED;
        long headers = lfanew + 4 + 20;
        if (size < headers) return Values.UNDEFINED;
        int pe = (int) lfanew;
        if (d.get(pe) != 'P' || d.get(pe + 1) != 'E' || d.get(pe + 2) != 0 || d.get(pe + 3) != 0) {
            return Values.UNDEFINED;
        }
        long machine = u16(d, lfanew + 4);
        if (machine != 0x0 && machine != 0x14c && machine != 0x8664) return Values.UNDEFINED;
        long optional = u16(d, lfanew + 20);
        // The optional header up to AddressOfEntryPoint (and the section table after it) must be readable.
        if (size < headers + Math.max(optional, 248 - 24) + 1) return Values.UNDEFINED;
        long entry = u32(d, lfanew + 24 + 16);
        long sections = lfanew + 24 + optional;
        long count = Math.min(u16(d, lfanew + 6), 60);
        long sectionRva = 0;
        long sectionOffset = 0;
        long remaining = size - lfanew;
        for (int i = 0; i < count; i++) {
            long at = sections + 40L * i;
            if (at - lfanew + 40 >= remaining) return 0;
            long va = u32(d, at + 12);
            long raw = u32(d, at + 20);
            if (entry >= va && sectionRva <= va) {
                sectionRva = va;
                sectionOffset = raw;
            }
        }
        return sectionOffset + (entry - sectionRva);
    }

    /** ELF: the entry virtual address mapped through the program headers of a 32- or 64-bit file. */
    private static long elf(ScanData d, int size) {
        if (size < 52 || d.get(0) != 0x7F || d.get(1) != 'E' || d.get(2) != 'L' || d.get(3) != 'F') return Values.UNDEFINED;
        boolean is64 = d.get(4) == 2;
        if (d.get(4) != 1 && d.get(4) != 2) return Values.UNDEFINED;
        if (is64 && size < 64) return Values.UNDEFINED;
        long entry = is64 ? u64(d, 24) : u32(d, 24);
        long phoff = is64 ? u64(d, 32) : u32(d, 28);
        long phentsize = is64 ? 56 : 32;
        long phnum = u16(d, is64 ? 56 : 44);
        if (phoff <= 0 || phoff + phnum * phentsize > size) return Values.UNDEFINED;
        for (int i = 0; i < phnum; i++) {
            long ph = phoff + i * phentsize;
            long type = u32(d, ph);
            if (type != 1) continue; // PT_LOAD
            long offset = is64 ? u64(d, ph + 8) : u32(d, ph + 4);
            long vaddr = is64 ? u64(d, ph + 16) : u32(d, ph + 8);
            long filesz = is64 ? u64(d, ph + 32) : u32(d, ph + 16);
            if (entry >= vaddr && entry < vaddr + filesz) return offset + (entry - vaddr);
        }
        return Values.UNDEFINED;
    }
}
