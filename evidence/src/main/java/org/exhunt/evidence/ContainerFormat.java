package org.exhunt.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.exhunt.evidence.zip.RandomAccess;

/**
 * Formats exhunt recognises in a file given as evidence but does not read: disk images (out of scope: exhunt
 * reads files, and mounting an image read-only is the job of tools made for it) and archives other than zip.
 * Recognised by their signatures first, by their extension second. Each says what to do instead.
 */
enum ContainerFormat {
    VHDX("a VHDX disk image", true, "vhdx"),
    VHD("a VHD disk image", true, "vhd"),
    VMDK("a VMDK disk image", true, "vmdk"),
    EWF("an EnCase (E01/Ex01) disk image", true, "e01", "ex01", "l01", "lx01"),
    AFF4("an AFF4 disk image", true, "aff4"),
    QCOW("a QCOW disk image", true, "qcow", "qcow2"),
    VDI("a VirtualBox VDI disk image", true, "vdi"),
    RAW("a raw disk or volume image (dd)", true, "dd", "raw", "img", "001"),
    SEVEN_ZIP("a 7-Zip archive", false, "7z"),
    RAR("a RAR archive", false, "rar"),
    GZIP("a gzip file", false, "gz", "tgz"),
    BZIP2("a bzip2 file", false, "bz2"),
    XZ("an xz file", false, "xz"),
    TAR("a tar archive", false, "tar");

    private static final int HEAD = 1024;

    private final String description;
    private final boolean diskImage;
    private final String[] extensions;

    ContainerFormat(String description, boolean diskImage, String... extensions) {
        this.description = description;
        this.diskImage = diskImage;
        this.extensions = extensions;
    }

    /** The format of a file exhunt does not read, if it is one. */
    static Optional<ContainerFormat> of(Path file) throws IOException {
        try (RandomAccess data = RandomAccess.of(FileChannel.open(file, StandardOpenOption.READ))) {
            return of(file.getFileName().toString(), data);
        }
    }

    /** The format of a file exhunt does not read, if it is one, from its name and its bytes. */
    static Optional<ContainerFormat> of(String name, RandomAccess data) throws IOException {
        long size = data.size();
        byte[] head = read(data, 0, (int) Math.min(HEAD, size));
        byte[] footer = size >= 512 ? read(data, size - 512, 512) : new byte[0];
        Optional<ContainerFormat> bySignature = bySignature(head, footer, size);
        return bySignature.isPresent() ? bySignature : byExtension(name);
    }

    private static Optional<ContainerFormat> bySignature(byte[] head, byte[] footer, long size) {
        if (at(head, 0, "vhdxfile")) return Optional.of(VHDX);
        if (at(head, 0, "conectix") || at(footer, 0, "conectix")) return Optional.of(VHD);
        if (at(head, 0, "KDMV") || at(head, 0, "COWD") || at(head, 0, "# Disk DescriptorFile")) return Optional.of(VMDK);
        if (at(head, 0, "EVF\t\r\n\u00ff\0") || at(head, 0, "EVF2\r\n\u0081\0") || at(head, 0, "LVF\t\r\n\u00ff\0")) {
            return Optional.of(EWF);
        }
        if (at(head, 0, "QFI\u00fb")) return Optional.of(QCOW);
        if (at(head, 0, "<<< Oracle VM VirtualBox Disk Image >>>")) return Optional.of(VDI);
        if (at(head, 512, "EFI PART") || at(head, 3, "NTFS    ") || at(head, 3, "EXFAT   ")
                || (size >= 1 << 20 && size % 512 == 0 && head.length >= 512
                    && (head[510] & 0xff) == 0x55 && (head[511] & 0xff) == 0xaa)) {
            return Optional.of(RAW);
        }
        if (at(head, 0, "7z\u00bc\u00af\u0027\u001c")) return Optional.of(SEVEN_ZIP);
        if (at(head, 0, "Rar!\u001a\u0007")) return Optional.of(RAR);
        if (at(head, 0, "\u001f\u008b")) return Optional.of(GZIP);
        if (at(head, 0, "BZh")) return Optional.of(BZIP2);
        if (at(head, 0, "\u00fd7zXZ\0")) return Optional.of(XZ);
        if (at(head, 257, "ustar")) return Optional.of(TAR);
        return Optional.empty();
    }

    private static Optional<ContainerFormat> byExtension(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String ext = name.substring(dot + 1);
        return Arrays.stream(values()).filter(f -> Arrays.asList(f.extensions).contains(ext)).findFirst();
    }

    /** The message for the user: what the file is, that exhunt does not read it, what to give instead. */
    String refusal(String file) {
        if (!diskImage) {
            return file + " is " + description + ": exhunt reads folders, zip archives and single files. Extract it"
                    + " to a folder and give that folder.";
        }
        return file + " is " + description + ". Disk images are out of exhunt's scope: it reads files (a folder, a zip,"
                + " a single file). Mount the image read-only and give the mounted drive's folder"
                + (this == EWF || this == AFF4 || this == RAW
                        ? " (e.g. Arsenal Image Mounter or FTK Imager in read-only mode on Windows; ewfmount, or"
                          + " 'mount -o ro,loop' on Linux)."
                        : " (e.g. 'Mount-DiskImage -ImagePath IMAGE -Access ReadOnly' on Windows; 'guestmount --ro'"
                          + " or 'qemu-nbd --read-only' on Linux).");
    }

    boolean diskImage() {
        return diskImage;
    }

    private static boolean at(byte[] data, int offset, String signature) {
        byte[] sig = signature.getBytes(StandardCharsets.ISO_8859_1);
        if (data.length < offset + sig.length) return false;
        for (int i = 0; i < sig.length; i++) if (data[offset + i] != sig[i]) return false;
        return true;
    }

    /** Up to {@code length} bytes from {@code position}: fewer at the end. */
    static byte[] read(RandomAccess data, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining() && data.read(buf, position + buf.position()) > 0) {
            // positional reads until full or end
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }
}
