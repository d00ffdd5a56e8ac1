package org.exhunt.hunt.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.exhunt.core.facts.PatchEvent;
import org.junit.jupiter.api.Test;

/**
 * Runs of Exchange's setup read from ExchangeSetup.log. The lines follow the setup logs of CSS-Exchange's
 * SetupLogReviewer tests (Setup/Tests/KnownIssues: ExchangeSetup-PrepareSchema-8245.log, ExchangeSetup_Search_
 * Foundation_Failure.log) and one a Microsoft Q&amp;A thread quotes (11.14.2022 dates, RecoverServer).
 */
class SetupLogTest {

    /** A CU upgrade that completes, on a server in UTC-6. */
    private static final String UPGRADE = """
            [03/07/2021 18:53:15.0468] [0] **********************************************
            [03/07/2021 18:53:15.0476] [0] Starting Microsoft Exchange Server 2016 Setup
            [03/07/2021 18:53:15.0476] [0] **********************************************
            [03/07/2021 18:53:15.0477] [0] Local time zone: (UTC-06:00) Central Time (US & Canada).
            [03/07/2021 18:53:15.0477] [0] Operating system version: Microsoft Windows NT 6.2.9200.0.
            [03/07/2021 18:53:15.0477] [0] Setup version: 15.1.2242.4.
            [03/07/2021 18:53:15.0478] [0] Logged on user: SOLO\\Han.
            [03/07/2021 18:53:15.0493] [0] Command Line Parameter Name='mode', Value='Upgrade'.
            [03/07/2021 18:53:20.0085] [0] The following roles are installed: BridgeheadRole ClientAccessRole MailboxRole
            [03/07/2021 18:53:20.0087] [0] The local server has some Exchange files installed.
            [03/07/2021 18:53:20.0106] [0] The installation mode is set to: 'BuildToBuildUpgrade'.
            [03/07/2021 18:53:22.0382] [0] The locally installed version is 15.1.2176.2.
            [03/07/2021 19:57:27.0811] [1] Processing component 'Search Foundation Service Configuration' (Configuring the server.).
                        if ($RoleProductPlatform -eq "amd64")
            [03/07/2021 20:03:10.0158] [0] The Exchange Server setup operation completed successfully.
            [03/07/2021 20:03:10.0159] [0] End of Setup
            [03/07/2021 20:03:10.0159] [0] **********************************************
            """;

    /** A /PrepareSchema run: setup says mode Install even on a server with Exchange; it installs nothing. */
    private static final String PREPARE_SCHEMA = """
            [01/08/2021 23:17:50.0872] [0] Starting Microsoft Exchange Server 2016 Setup
            [01/08/2021 23:17:50.0876] [0] Local time zone: (UTC-06:00) Central Time (US & Canada).
            [01/08/2021 23:17:50.0881] [0] Setup version: 15.1.2176.2.
            [01/08/2021 23:17:50.0941] [0] Command Line Parameter Name='prepareschema', Value=''.
            [01/08/2021 23:18:19.0495] [0] The installation mode is set to: 'Install'.
            [01/08/2021 23:25:02.0001] [0] The Exchange Server setup operation completed successfully.
            [01/08/2021 23:25:02.0001] [0] End of Setup
            """;

    private static List<PatchEvent> read(String text) throws Exception {
        return SetupLog.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "ExchangeSetup.log");
    }

    @Test
    void aCompletedUpgradeRunsItsBuildFromItsEndReadAsTheZoneItNamesWithItsDoubt() throws Exception {
        assertThat(read(UPGRADE)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(PatchEvent.Kind.SETUP_LOG);
            assertThat(e.action()).isEqualTo(PatchEvent.Action.UPGRADE);
            assertThat(e.build()).isEqualTo("15.1.2242.4");
            assertThat(e.outcome()).isEqualTo(PatchEvent.Outcome.SUCCEEDED);
            assertThat(e.time()).isEqualTo(Instant.parse("2021-03-08T02:03:10Z"));   // 20:03:10 at UTC-6
            assertThat(e.uncertainty()).isEqualTo(Duration.ofHours(7));            // UTC itself, or daylight saving time
            assertThat(e.source()).isEqualTo("ExchangeSetup.log:2");
        });
    }

    @Test
    void preparingTheDirectoryInstallsNothingAndAFailedRunIsKeptAsFailed() throws Exception {
        String failed = UPGRADE.replace("The Exchange Server setup operation completed successfully.",
                "The Exchange Server setup operation didn't complete.  More details can be found in ExchangeSetup.log located in the <SystemDrive>:\\\\ExchangeSetupLogs folder.");
        assertThat(read(PREPARE_SCHEMA + failed)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(PatchEvent.Outcome.FAILED));
    }

    @Test
    void onlyAnInstallOnAServerWithoutExchangeIsAFreshInstallCountedFromItsStart() throws Exception {
        String fresh = """
                [11.14.2022 17:13:08.0074] [0] Starting Microsoft Exchange Server 2019 Setup
                [11.14.2022 17:13:08.0078] [0] Local time zone: (UTC) Coordinated Universal Time.
                [11.14.2022 17:13:08.0081] [0] Setup version: 15.2.1118.7.
                [11.14.2022 17:13:08.0121] [0] Command Line Parameter Name='mode', Value='Install'.
                [11.14.2022 17:13:37.0960] [0] The installation mode is set to: 'Install'.
                [11.14.2022 18:02:40.0372] [0] The Exchange Server setup operation completed successfully.
                """;
        assertThat(read(fresh)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(PatchEvent.Action.FRESH_INSTALL);
            assertThat(e.time()).isEqualTo(Instant.parse("2022-11-14T17:13:08Z"));
            assertThat(e.uncertainty()).isZero();
        });
        // the same run on a server that has Exchange's files: an install over them, not a new server
        String resumed = fresh.replace("[11.14.2022 17:13:37.0960] [0] The installation mode",
                "[11.14.2022 17:13:37.0946] [0] The local server has some Exchange files installed.\n[11.14.2022 17:13:37.0960] [0] The installation mode");
        assertThat(read(resumed)).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo(PatchEvent.Action.UPGRADE));
    }

    @Test
    void aRunWhoseEndIsMissingIsKeptWithoutAnOutcomeAndDamagedLinesAreSkipped() throws Exception {
        String cut = UPGRADE.substring(0, UPGRADE.indexOf("[03/07/2021 20:03:10.0158]"))
                + "[13/45/2021 99:00:00.0000] [0] The Exchange Server setup operation completed successfully.\n";
        assertThat(read(cut)).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(PatchEvent.Outcome.UNKNOWN);
            assertThat(e.what()).contains("its end is not in the log");
        });
    }

    @Test
    void aLineOfAnyLengthCostsBoundedMemory() throws Exception {
        String huge = "[03/07/2021 18:53:15.0476] [0] " + "x".repeat(5_000_000) + "\n";
        assertThat(read(huge + UPGRADE)).hasSize(1);
    }
}
