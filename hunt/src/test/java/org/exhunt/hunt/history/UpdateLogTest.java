package org.exhunt.hunt.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;

/**
 * A security update's Windows Installer log, as a Microsoft Q&amp;A thread quotes one
 * (learn.microsoft.com/answers/questions/1158449): Unicode, named by its local start time.
 */
class UpdateLogTest {

    private static final String PATH = "Program Files/Microsoft/Exchange Server/V15/Logging/Update/msi/ExchangeUpdate_2023-01-09-144610.log";

    private static byte[] utf16(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    @Test
    void theUpdatesEndWithItsOutcomeAtTheLinesTimeOnTheLogsDayInAnUnknownZone() throws Exception {
        String log = """
                === Verbose logging started: 1/9/2023  14:46:10  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===
                Property(C): CURRENTDIRECTORY = C:\\install\\SU
                === Logging stopped: 1/9/2023  17:54:26 ===
                MSI (c) (C4:3C) [17:54:26:128]: Product: Microsoft Exchange Server - Update 'Security Update for Exchange Server 2019 Cumulative Update 12 (KB5019758) 15.2.1118.20' could not be installed. Error code 1603. Additional information is available in the log file C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Logging\\Update\\msi\\ExchangeUpdate_2023-01-09-144610.log.
                MSI (s) (D8:EC) [01:02:03:004]: Product: Microsoft Exchange Server - Update 'Security Update for Exchange Server 2019 Cumulative Update 12 (KB5019758) 15.2.1118.20' installed successfully.
                """;
        assertThat(UpdateLog.is(PATH)).isTrue();
        List<PatchEvent> events = UpdateLog.read(new ByteArrayInputStream(utf16(log)), PATH, "/copy/" + PATH,
                RulePack.bundled().knowledgeBase());
        assertThat(events).extracting(PatchEvent::outcome, PatchEvent::time, PatchEvent::build).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PatchEvent.Outcome.FAILED, Instant.parse("2023-01-09T17:54:26Z"), "15.2.1118.20"),
                // past midnight: the next day
                org.assertj.core.groups.Tuple.tuple(PatchEvent.Outcome.SUCCEEDED, Instant.parse("2023-01-10T01:02:03Z"), "15.2.1118.20"));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(PatchEvent.Kind.UPDATE_LOG);
            assertThat(e.uncertainty()).isEqualTo(SetupLog.UNKNOWN_ZONE);
        });
        assertThat(events.get(0).source()).isEqualTo("/copy/" + PATH + ":4");
    }

    @Test
    void otherLogsOfTheFolderAreNotUpdateLogs() {
        assertThat(UpdateLog.is("Program Files/Microsoft/Exchange Server/V15/Logging/Update/msi/setup.log")).isFalse();
        assertThat(UpdateLog.is("Users/x/ExchangeUpdate_2023-01-09-144610.log")).isFalse();
    }
}
