package org.exhunt.spark;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.evidence.Sources;
import org.exhunt.evidence.UnsupportedEvidenceException;
import org.exhunt.evidence.ZipSource;
import org.exhunt.evidence.zip.ArchiveLimits;

/**
 * The sources of a server's evidence from the paths a manifest gives: a local path (no scheme, or {@code file:}) is
 * read as {@code exhunt scan} reads it ({@link Sources#open}); any other URI ({@code hdfs://}, {@code s3a://},
 * {@code abfs://}, {@code gs://}) through Hadoop's {@link FileSystem}: a folder file by file, a zip in place through
 * positioned reads with the same caps on hostile archives. With {@code viaHadoop}, local paths too go through
 * Hadoop (what a cluster's executors do with every path; the tests use it to run that code on local files).
 */
final class EvidencePaths {

    private EvidencePaths() {}

    /**
     * Opens every path of one server; closes what it opened and throws when one cannot be read as evidence.
     *
     * @throws UnsupportedEvidenceException for a path that does not exist or is not a folder or an archive exhunt reads
     */
    static List<EvidenceSource> open(List<String> paths, Configuration hadoop, boolean viaHadoop)
            throws IOException, UnsupportedEvidenceException {
        List<EvidenceSource> sources = new ArrayList<>();
        try {
            for (String p : paths) sources.add(open(p, hadoop, viaHadoop));
        } catch (IOException | UnsupportedEvidenceException | RuntimeException e) {
            close(sources);
            throw e;
        }
        return sources;
    }

    static void close(List<EvidenceSource> sources) throws IOException {
        IOException first = null;
        for (EvidenceSource s : sources) {
            try {
                s.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    static boolean isLocal(String path) {
        String scheme = scheme(path);
        return scheme == null || scheme.equals("file");
    }

    private static EvidenceSource open(String given, Configuration hadoop, boolean viaHadoop)
            throws IOException, UnsupportedEvidenceException {
        if (isLocal(given) && !viaHadoop) {
            return Sources.open(java.nio.file.Path.of(given.startsWith("file:") ? URI.create(given).getPath() : given));
        }
        Path path = new Path(given);
        FileSystem fs = path.getFileSystem(hadoop);
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (java.io.FileNotFoundException e) {
            throw new UnsupportedEvidenceException("no such file or directory: " + given);
        }
        if (status.isDirectory()) return new HadoopDirectorySource(fs, path, given);
        long size = status.getLen();
        Optional<String> refusal;
        try (HadoopRandomAccess head = new HadoopRandomAccess(fs.open(path), size)) {
            if (Sources.isZip(path.getName(), head)) {
                return new ZipSource(given, () -> new HadoopRandomAccess(fs.open(path), size), ArchiveLimits.DEFAULTS);
            }
            refusal = Sources.refusal(given, path.getName(), head);
        }
        throw new UnsupportedEvidenceException(refusal.orElse(given + " is a single file: on Spark, give each server's"
                + " evidence as a folder or a zip archive"));
    }

    /** The URI scheme of a path, or null for a plain path (a Windows drive letter is no scheme). */
    private static String scheme(String path) {
        int colon = path.indexOf(':');
        if (colon <= 1) return null;
        for (int i = 0; i < colon; i++) {
            char c = path.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) return null;
        }
        return path.substring(0, colon);
    }
}
