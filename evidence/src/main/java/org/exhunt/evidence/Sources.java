package org.exhunt.evidence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import org.exhunt.evidence.zip.RandomAccess;

/** The source for a path the user gives: the one place that tells a folder from a zip from a single file. */
public final class Sources {

    private Sources() {}

    /**
     * A directory becomes a {@link DirectorySource}, a zip archive (by signature or {@code .zip}) a {@link
     * ZipSource}, any other file a {@link SingleFileSource}.
     *
     * @throws UnsupportedEvidenceException for a path that does not exist, a disk image (VHDX, VHD, VMDK,
     *                                      E01, raw...) or an archive format other than zip, with what to do
     */
    public static EvidenceSource open(Path path) throws UnsupportedEvidenceException {
        if (Files.isDirectory(path)) return new DirectorySource(path);
        if (!Files.exists(path)) throw new UnsupportedEvidenceException("no such file or directory: " + path);
        if (!Files.isRegularFile(path)) throw new UnsupportedEvidenceException("not a file or directory: " + path);
        try {
            if (isZip(path)) return new ZipSource(path);
            Optional<ContainerFormat> format = ContainerFormat.of(path);
            if (format.isPresent()) throw new UnsupportedEvidenceException(format.get().refusal(path.toString()));
        } catch (IOException e) {
            throw new UnsupportedEvidenceException("could not be read: " + path + ": " + DirectorySource.describe(e));
        }
        return new SingleFileSource(path);
    }

    /**
     * Why a file given as evidence is not read (a disk image, an archive other than zip: what it is and what to give
     * instead), or empty when it is read as a zip or a single file; {@code given} is the path as the user gave it.
     */
    public static Optional<String> refusal(String given, String fileName, RandomAccess data) throws IOException {
        if (isZip(fileName, data)) return Optional.empty();
        return ContainerFormat.of(fileName, data).map(f -> f.refusal(given));
    }

    /** A zip by its first signature (a local header, or the end record of an empty archive), or by its name. */
    private static boolean isZip(Path file) throws IOException {
        try (RandomAccess data = RandomAccess.of(FileChannel.open(file, StandardOpenOption.READ))) {
            return isZip(file.getFileName().toString(), data);
        }
    }

    /**
     * Whether a file given as evidence is read as a zip archive, by its first signature or its name, for sources on
     * other file systems that pick the implementation themselves (as {@link #open} does for a local path).
     */
    public static boolean isZip(String fileName, RandomAccess data) throws IOException {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".aff4")) return false; // AFF4 images are zip containers, but disk images all the same
        byte[] head = ContainerFormat.read(data, 0, 4);
        boolean signature = head.length == 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
        return signature || name.endsWith(".zip");
    }
}
