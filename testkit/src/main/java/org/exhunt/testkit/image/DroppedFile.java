package org.exhunt.testkit.image;

import java.time.Instant;
import java.util.Objects;

/**
 * A file an intruder left on the server's drive.
 *
 * @param drivePath where, '/'-separated from the drive's root ({@code inetpub/wwwroot/aspnet_client/x.aspx})
 * @param content   its first bytes
 * @param size      its size: beyond its content, zeros the file system does not store (a dump's memory)
 * @param expect    what a correct scan says about it
 * @param written   when the intruder wrote it (its modification time on the drive); null: at the scenario's last step
 */
public record DroppedFile(String drivePath, byte[] content, long size, Expect expect, Instant written) {

    public DroppedFile {
        Objects.requireNonNull(drivePath, "drivePath");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(expect, "expect");
        if (size < content.length) throw new IllegalArgumentException("smaller than its content: " + drivePath);
    }

    /** A file written at the scenario's last step. */
    public DroppedFile(String drivePath, byte[] content, long size, Expect expect) {
        this(drivePath, content, size, expect, null);
    }

    /** A file that is its content, written at the scenario's last step. */
    public DroppedFile(String drivePath, byte[] content, Expect expect) {
        this(drivePath, content, content.length, expect);
    }

    /** The same file, written at {@code time}. */
    public DroppedFile writtenAt(Instant time) {
        return new DroppedFile(drivePath, content, size, expect, time);
    }

    /** The path in Windows form, as the server and exhunt's reports write it. */
    public String windowsPath() {
        return "C:\\" + drivePath.replace('/', '\\');
    }

    /** The URL path IIS serves it under, when it lies in a web folder; else null. */
    public String urlPath() {
        String lower = drivePath.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("inetpub/wwwroot/")) return drivePath.substring("inetpub/wwwroot".length());
        int proxy = lower.indexOf("/frontend/httpproxy/");
        return proxy < 0 ? null : drivePath.substring(proxy + "/frontend/httpproxy".length());
    }
}
