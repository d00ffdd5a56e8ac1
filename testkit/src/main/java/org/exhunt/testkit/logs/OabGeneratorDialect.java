package org.exhunt.testkit.logs;

import java.util.SplittableRandom;

/** OABGeneratorLog: free-text trace lines, each starting with its time. */
final class OabGeneratorDialect implements Dialect {

    private static final String[] MESSAGES = {
        "Info,OABGeneratorAssistant: starting generation of OAB 'Default Offline Address Book'",
        "Info,Downloaded address list 'Default Global Address List' (18220 entries)",
        "Info,Download completed for file 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\ClientAccess\\OAB\\Temp\\oab-lzx-9f2e.tmp'",
        "Info,Files for OAB 'Default Offline Address Book' published",
        "Warning,Download failed and temporary file 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\ClientAccess\\OAB\\Temp\\oab-lzx-0c1d.tmp' needs to be removed",
    };

    @Override
    public void header(LineBuffer b, long time) {
        // OABGeneratorLog has no header
    }

    @Override
    public void line(LineBuffer b, long time, SplittableRandom r) {
        Clock.iso(b, time);
        b.ch(',').utf8(Traffic.pick(MESSAGES, r)).crlf();
    }

    @Override
    public boolean planted(LineBuffer b, long time, PlantedEvent event) {
        if (!(event instanceof PlantedEvent.OabDownloadFailed e)) return false;
        Clock.iso(b, time);
        b.ascii(",Warning,Download failed and temporary file '").utf8(e.path()).ascii("' needs to be removed").crlf();
        return true;
    }

    @Override
    public String serverPath(long time) {
        return "Program Files/Microsoft/Exchange Server/V15/Logging/OABGeneratorLog/OABGenerator_"
                + Clock.yyyyMMddHH(time).substring(0, 8) + "-1.log";
    }
}
