package org.exhunt.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * One rule option's file or folder as the user gave it ({@code --sigma rules/sigma}), read on the driver with every
 * file under it, so that the executors compile the very same rules wherever the path lives (a local folder of the
 * driver's, HDFS, an object store): each file by the name a local scan gives it ({@code given/relative}) and its
 * bytes.
 *
 * @param given the path as the user gave it
 */
record RuleFiles(String given, List<RuleFiles.File> files) implements Serializable {

    /** Rules shipped in all: a broadcast is no place for a data set given by mistake. */
    static final long MAX_BYTES = 512L << 20;

    record File(String name, byte[] bytes) implements Serializable {}

    /** Reads a file, or every file under a folder, through Hadoop's file system (local paths included). */
    static RuleFiles read(String given, Configuration hadoop) throws IOException {
        String display = given.length() > 1 && given.endsWith("/") ? given.substring(0, given.length() - 1) : given;
        Path path = new Path(given);
        FileSystem fs = path.getFileSystem(hadoop);
        FileStatus status = fs.getFileStatus(path);
        List<File> files = new ArrayList<>();
        long total = 0;
        if (!status.isDirectory()) {
            files.add(new File(display, bytes(fs, status)));
        } else {
            String top = fs.makeQualified(path).toUri().getPath();
            List<LocatedFileStatus> listed = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
            while (it.hasNext()) listed.add(it.next());
            listed.sort(Comparator.comparing(s -> s.getPath().toUri().getPath()));
            for (LocatedFileStatus s : listed) {
                total += s.getLen();
                if (total > MAX_BYTES) throw new IOException(given + " holds more than " + (MAX_BYTES >> 20) + " MiB of files");
                String relative = s.getPath().toUri().getPath().substring(top.length()).replaceFirst("^/+", "");
                files.add(new File(display + "/" + relative, bytes(fs, s)));
            }
        }
        return new RuleFiles(display, files);
    }

    private static byte[] bytes(FileSystem fs, FileStatus s) throws IOException {
        try (InputStream in = fs.open(s.getPath())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(s.getLen(), MAX_BYTES));
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
