package org.exhunt.testkit.image;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The Windows Installer log a security update's installer leaves in
 * {@code <install>\Logging\Update\msi\ExchangeUpdate_<start>.log}, cut to the lines that matter: the banner with the
 * start, the end of the update ({@code Product: Microsoft Exchange Server - Update '...' installed successfully.}) and
 * the closing line,
 * as a Microsoft Q&amp;A thread quotes such a log (learn.microsoft.com/answers/questions/1158449). Unicode (UTF-16LE with
 * its byte-order mark), as Windows Installer writes a Unicode log; times are the server's local time, here UTC.
 */
final class UpdateLogWriter {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuu-MM-dd-HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter BANNER = DateTimeFormatter.ofPattern("M/d/uuuu  H:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LINE = DateTimeFormatter.ofPattern("HH:mm:ss:SSS").withZone(ZoneOffset.UTC);

    private UpdateLogWriter() {}

    static String path(Scenario.PatchRecord r) {
        return Layout.INSTALL + "/Logging/Update/msi/ExchangeUpdate_" + NAME.format(r.started()) + ".log";
    }

    static byte[] of(Scenario.PatchRecord r) {
        Instant start = r.started();
        String text = "=== Verbose logging started: " + BANNER.format(start) + "  Build type: SHIP UNICODE 5.00.10011.00"
                + "  Calling process: C:\\Windows\\system32\\msiexec.exe ===\r\n"
                + "MSI (c) (C4:3C) [" + LINE.format(start) + "]: Resetting cached policy values\r\n"
                + "MSI (c) (C4:3C) [" + LINE.format(start.plusMillis(16)) + "]: Machine policy value 'Debug' is 0\r\n"
                + "MSI (s) (D8:EC) [" + LINE.format(r.at()) + "]: Product: Microsoft Exchange Server - Update '" + r.name()
                + "' installed successfully.\r\n"
                + "=== Logging stopped: " + BANNER.format(r.at()) + " ===\r\n";
        ByteBuffer utf16 = StandardCharsets.UTF_16LE.encode(text);
        byte[] out = new byte[2 + utf16.remaining()];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        utf16.get(out, 2, utf16.remaining());
        return out;
    }
}
