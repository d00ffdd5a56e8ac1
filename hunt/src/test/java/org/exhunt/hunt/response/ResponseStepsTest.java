package org.exhunt.hunt.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Compromise;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Exposure;
import org.exhunt.core.Rows;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.Action;
import org.exhunt.core.facts.BuildFacts;
import org.exhunt.core.facts.BuildSighting;
import org.exhunt.core.facts.BuildSource;
import org.exhunt.core.facts.Confidence;
import org.exhunt.core.facts.CredentialExposure;
import org.exhunt.core.facts.FileUse;
import org.exhunt.core.facts.Impact;
import org.exhunt.core.facts.MailboxAccess;
import org.exhunt.core.facts.RowTimeline;
import org.exhunt.core.facts.ScopeStatement;
import org.exhunt.core.facts.UpdatePath;
import org.exhunt.core.facts.UpdateStep;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;

/** The rule pack's response steps: they all read, and they apply to a server's verdicts and impact in their order. */
class ResponseStepsTest {

    private static final Instant T = Instant.parse("2021-03-03T05:52:16.830Z");
    private final List<Diagnostic> problems = new ArrayList<>();
    private final ResponseSteps bundled = ResponseSteps.parse("steps.csv", RulePack.bundled().text(ResponseSteps.FILE),
            problems::add);

    @Test
    void everyBundledStepReadsWithHttpsSources() {
        assertThat(problems).isEmpty();
        assertThat(bundled.ids()).startsWith("contain", "block-addresses", "preserve", "remove-files", "remove-dumps",
                "reset-credentials").endsWith("nothing-to-do");
    }

    @Test
    void aCompromisedServerGetsTheShellsTheDumpTheAccountsAndTheUpdateInThatOrder() {
        List<Action> actions = bundled.plan("EXCH01", List.of(
                verdict(Rows.PROXYLOGON, Exposure.VULNERABLE, Compromise.COMPROMISED),
                verdict(Rows.PROXYSHELL, Exposure.VULNERABLE, Compromise.CANNOT_TELL),
                verdict(Rows.POST_EXPLOITATION, Exposure.NOT_ASSESSED, Compromise.COMPROMISED)), build(false), impact(),
                List.of(timeline()));

        assertThat(actions).extracting(Action::step).containsExactly("contain", "block-addresses", "preserve", "remove-files",
                "remove-dumps", "reset-credentials", "install-update", "mitigate-proxylogon", "no-mitigation", "look-further",
                "assess-mailboxes", "assess-scope");
        assertThat(actions).extracting(Action::order).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Action files = actions.get(3);
        assertThat(files.subjects()).containsExactly("C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\errorEW.aspx");
        assertThat(files.subjectKind()).isEqualTo("files");
        assertThat(files.text()).contains("errorEW.aspx").doesNotContain("{");
        assertThat(actions.get(4).subjects()).containsExactly("C:\\Windows\\Temp\\lsass.dmp");
        assertThat(actions.get(5).subjects()).containsExactly("CONTOSO\\EXCH01$", "CONTOSO\\administrator");
        assertThat(actions.get(6).subjects()).containsExactly("15.1.2507.6", "15.1.2507.72");
        assertThat(actions.get(6).text()).contains("CU23 (15.1.2507.6, KB5011155), then CU23 Aug26SU (15.1.2507.72");
        assertThat(actions.get(8).subjects()).containsExactly(Rows.PROXYSHELL);
        assertThat(actions.get(10).subjects()).containsExactly("ceo@contoso.com");
        assertThat(actions.get(11).text()).contains("from 2021-03-03T05:52:16.830Z").contains("Get-Mailbox -Server EXCH01");
        assertThat(actions.get(0).why()).isEqualTo("COMPROMISED: ProxyLogon, Post-exploitation");
        assertThat(actions).allSatisfy(a -> assertThat(a.sources()).isNotEmpty().allMatch(s -> s.startsWith("https://")));
    }

    @Test
    void aCleanPatchedServerGetsOneLine() {
        List<Action> actions = bundled.plan("EXCH02", List.of(verdict(Rows.PROXYLOGON, Exposure.PATCHED, Compromise.CLEAN),
                verdict(Rows.POST_EXPLOITATION, Exposure.NOT_ASSESSED, Compromise.CLEAN)), build(true), Impact.NONE, List.of());

        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.step()).isEqualTo("nothing-to-do");
            assertThat(a.text()).startsWith("Nothing to do now: EXCH02 ");
            assertThat(a.subjects()).isEmpty();
        });
    }

    @Test
    void withoutABuildTheStepSaysSoInsteadOfCallingItPatched() {
        List<Action> actions = bundled.plan("EXCH03", List.of(verdict(Rows.PROXYLOGON, Exposure.UNKNOWN, Compromise.CLEAN)),
                null, Impact.NONE, List.of());

        assertThat(actions).extracting(Action::step).containsExactly("unknown-build");
    }

    @Test
    void stepsThatDoNotReadAreReportedAndLeftOut() {
        String text = """
                # a comment
                id,order,when,subjects,text,source
                good,1,compromised,,"Do {server}.",https://example.org/a
                bad-condition,2,compromised+hacked,,"x",https://example.org/a
                bad-placeholder,3,compromised,,"{nobody}",https://example.org/a
                no-subjects,4,compromised,,"{subjects}",https://example.org/a
                bad-source,5,compromised,,"x",http://example.org/a
                bad-order,six,compromised,,"x",https://example.org/a
                good,7,attempted,,"again",https://example.org/a
                otherwise-mixed,8,otherwise|compromised,,"x",https://example.org/a
                """;
        ResponseSteps steps = ResponseSteps.parse("s.csv", text, problems::add);

        assertThat(steps.ids()).containsExactly("good");
        assertThat(problems).extracting(d -> d.where().line()).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(problems).allMatch(d -> d.isError() && d.code().equals("rules.invalid"));
    }

    @Test
    void aStepWhoseSubjectsAreEmptyDoesNotApplyAndNegationWorks() {
        String text = """
                id,order,when,subjects,text,source
                files,1,compromised,files,"Remove {subjects}.",https://example.org/a
                no-dump,2,compromised+!dumps,,"No dump on {server}.",https://example.org/a
                """;
        ResponseSteps steps = ResponseSteps.parse("s.csv", text, problems::add);
        List<Action> actions = steps.plan("S", List.of(verdict(Rows.PROXYLOGON, Exposure.PATCHED, Compromise.COMPROMISED)),
                build(true), Impact.NONE, List.of());

        assertThat(actions).extracting(Action::step, Action::text).containsExactly(org.assertj.core.groups.Tuple.tuple(
                "no-dump", "No dump on S."));
    }

    private static Verdict verdict(String row, Exposure exposure, Compromise compromise) {
        return new Verdict("EXCH01", row, exposure, compromise, "why");
    }

    private static BuildFacts build(boolean upToDate) {
        UpdatePath path = upToDate ? new UpdatePath(true, List.of(new UpdateStep("CU23 Aug26SU", "15.1.2507.72", "KB5121576", "2026-08-11")))
                : new UpdatePath(false, List.of(new UpdateStep("CU23", "15.1.2507.6", "KB5011155", "2022-04-20"),
                        new UpdateStep("CU23 Aug26SU", "15.1.2507.72", "KB5121576", "2026-08-11")));
        return new BuildFacts(new BuildSighting(upToDate ? "15.1.2507.72" : "15.1.2176.2", "Exchange Server 2016",
                BuildSource.EXSETUP, "C:\\x\\ExSetup.exe", null, null), null, List.of(), List.of(), null, path);
    }

    private static Impact impact() {
        CredentialExposure computer = new CredentialExposure("CONTOSO\\EXCH01$", "computer-account", null, null, 0, List.of(),
                false, "C:\\Windows\\Temp\\lsass.dmp", List.of(), Confidence.SHOWN, "dumped");
        CredentialExposure admin = new CredentialExposure("CONTOSO\\administrator", "logged-on-before-dump", T, T, 1,
                List.of("10 RemoteInteractive"), true, "C:\\Windows\\Temp\\lsass.dmp", List.of("Security.evtx#4"),
                Confidence.LIKELY, "logged on");
        MailboxAccess read = new MailboxAccess("ceo@contoso.com", "EWS", java.util.Map.of("GetItem", 3L), 3, T, T,
                List.of("167.99.168.251"), List.of("Ews.LOG:9"), Confidence.SHOWN, "read");
        return new Impact(List.of(), List.of(read), List.of(), List.of(computer, admin), List.of(), List.of(),
                new ScopeStatement(T, "ProxyLogon success", List.of(Rows.PROXYLOGON), "EXCH01",
                        "Get-Mailbox -Server EXCH01 -ResultSize Unlimited"), List.of());
    }

    private static RowTimeline timeline() {
        FileUse shell = new FileUse("C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\errorEW.aspx", List.of("Chopper"), T,
                "/aspnet_client/system_web/errorEW.aspx", 3, T, T, List.of("167.99.168.251"), 0, java.util.Map.of("200", 3L));
        FileUse dump = new FileUse("C:\\Windows\\Temp\\lsass.dmp", List.of("dump"), T, null, 0, null, null, List.of(), 0,
                java.util.Map.of());
        return new RowTimeline(Rows.PROXYLOGON, 10, 0, T, T, List.of("167.99.168.251"), 1, List.of(shell, dump));
    }
}
