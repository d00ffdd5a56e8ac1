package org.exhunt.logs.file;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exhunt.core.FileFacts;
import org.exhunt.core.MapRecord;
import org.exhunt.core.Record;

/**
 * File-metadata records (type {@code file}) for path and IOC rules: {@code path} (Windows form),
 * {@code drive_path}, {@code name}, {@code extension} (without the dot, as written), {@code size},
 * {@code modified}/{@code created}/{@code accessed} (ISO 8601 UTC, when the source keeps them), and when the
 * content was read {@code sha256} (lower-case hex) and {@code head} (the first {@link #HEAD_BYTES} bytes, printable
 * ASCII as is, any other byte as {@code \xNN}). The record's time is the modification time, its raw text the path.
 * A file is described without its content ({@link #listed}), from content already held ({@link #withContent}), or
 * by streaming it once ({@link #read}: nothing is held but the head).
 */
public final class FileRecords {

    public static final String TYPE = "file";

    /** Bytes of the content shown in {@code head}. */
    public static final int HEAD_BYTES = 64;

    private FileRecords() {}

    /** The record of a file whose content was not read: place, size and times; no {@code sha256}, no {@code head}. */
    public static Record listed(FileFacts facts) {
        return record(facts, null, null, 0);
    }

    /** The record of a file whose content is held whole, with its SHA-256 (lower-case hex) as already computed. */
    public static Record withContent(FileFacts facts, byte[] content, String sha256) {
        return record(facts, sha256, content, Math.min(content.length, HEAD_BYTES));
    }

    /** Reads the content (to its end, for the hash) and describes the file; the stream is not closed. */
    public static Record read(FileFacts facts, InputStream content) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[1 << 16];
        byte[] head = new byte[HEAD_BYTES];
        int headLength = 0;
        int n;
        while ((n = content.read(buf)) > 0) {
            if (headLength < HEAD_BYTES) {
                int take = Math.min(n, HEAD_BYTES - headLength);
                System.arraycopy(buf, 0, head, headLength, take);
                headLength += take;
            }
            sha.update(buf, 0, n);
        }
        return record(facts, HexFormat.of().formatHex(sha.digest()), head, headLength);
    }

    /** The record; {@code sha256} null when the content was not read (then there is no head either). */
    private static Record record(FileFacts facts, String sha256, byte[] head, int headLength) {
        Map<String, String> f = new LinkedHashMap<>();
        String windows = facts.windowsPath();
        String name = facts.name();
        f.put("path", windows);
        f.put("drive_path", facts.drivePath());
        f.put("name", name);
        int dot = name.lastIndexOf('.');
        if (dot > 0 && dot < name.length() - 1) f.put("extension", name.substring(dot + 1));
        f.put("size", Long.toString(facts.size()));
        putTime(f, "modified", facts.modified());
        putTime(f, "created", facts.created());
        putTime(f, "accessed", facts.accessed());
        if (sha256 != null) {
            f.put("sha256", sha256);
            f.put("head", printable(head, headLength));
        }
        return new MapRecord(TYPE, f, windows, facts.modified(), facts.where());
    }

    /** Printable ASCII as is (a backslash doubled), other bytes as {@code \xNN}. */
    static String printable(byte[] b, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = b[i] & 0xFF;
            if (c == '\\') s.append("\\\\");
            else if (c >= 0x20 && c < 0x7F) s.append((char) c);
            else s.append("\\x").append(HexFormat.of().toHexDigits((byte) c));
        }
        return s.toString();
    }

    private static void putTime(Map<String, String> f, String name, Instant t) {
        if (t != null) f.put(name, t.toString());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
