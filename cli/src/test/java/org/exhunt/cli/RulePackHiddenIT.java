package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The released jar carries the rule pack masked, so that virus scanners do not quarantine exhunt for the rule text
 * it carries (LOGS-AND-SIGMA.md section 4, item 11; Hayabusa #530, #1356): neither exhunt's own YARA rules nor all
 * of signature-base match any entry of the jar, nested archives included, and no Sigma rule's title, id or keyword
 * lies in it in the clear. The same scans of the unmasked pack do match, so the test can fail.
 */
class RulePackHiddenIT {

    private static final int NESTING = 3;

    /**
     * Strings that are also values of the pack's Sigma rules but that exhunt's own code needs, by class: the requests
     * {@code exhunt probe} sends, the web paths the layout and the request index know, the file that dates a build, the
     * cmdlets and protocols the impact step reads. They are the program's, not rule text; anything else found in the
     * clear fails the test.
     */
    private static final Map<String, Set<String>> CODE_CONSTANTS = Map.ofEntries(
            Map.entry("org/exhunt/probe/TargetProbe.class", Set.of("/autodiscover.json", "/ecp/default.flt",
                    "Email=autodiscover/autodiscover.json", "autodiscover.json", "autodiscover.json?@")),
            Map.entry("org/exhunt/hunt/detect/RequestIndexer.class", Set.of("/aspnet_client/")),
            Map.entry("org/exhunt/hunt/layout/ExchangeLayout.class", Set.of("/aspnet_client/")),
            Map.entry("org/exhunt/hunt/layout/WebShellLocation.class", Set.of("\\FrontEnd\\HttpProxy\\")),
            Map.entry("org/exhunt/hunt/exposure/ExposureScan.class", Set.of("\\ExSetup.exe")),
            Map.entry("org/exhunt/hunt/verdict/LsassDumps.class", Set.of(".dmp.zip", ".dmp.cab", ".dmp.rar")),
            // the build timeline and the window rule name the file whose version dates a build
            Map.entry("org/exhunt/hunt/verdict/WindowRule.class", Set.of("\\ExSetup.exe")),
            Map.entry("org/exhunt/hunt/history/BuildTimeline$Sweep.class", Set.of("\\ExSetup.exe")),
            // what a page's code can do, named as a responder reads it
            Map.entry("org/exhunt/hunt/detect/PageCodeAudit$Capability.class", Set.of("powershell")),
            // the impact step reads cmdlets, their parameters and the protocols requests used (issue 21)
            Map.entry("org/exhunt/hunt/response/ServerState.class", Set.of("-Mailbox ")),
            Map.entry("org/exhunt/hunt/impact/Protocols.class", Set.of("/powershell", "powershell")),
            Map.entry("org/exhunt/hunt/impact/ConservativeScope.class", Set.of("-Mailbox ")),
            Map.entry("org/exhunt/hunt/impact/MailboxExports.class", Set.of("New-MailboxExportRequest")),
            Map.entry("org/exhunt/hunt/impact/ImpactIndexer.class", Set.of("MSExchange Management")),
            Map.entry("org/exhunt/hunt/impact/AccountChanges.class", Set.of("New-ManagementRoleAssignment")));

    @TempDir
    Path tmp;

    @Test
    void neitherThePacksYaraRulesNorSignatureBaseMatchAnyEntryOfTheJar() throws Exception {
        Path entries = extractJar();
        List<Path> rules = new ArrayList<>(files(root().resolve("rules/yara"), ".yar"));
        rules.add(canary());
        int own = rules.size();
        Path signatureBase = TestEnvironment.corpus("yara-rules/signature-base/yara");
        rules.addAll(files(signatureBase, ".yar"));
        rules.addAll(files(signatureBase, ".yara"));
        assertThat(rules.size() - own).as("all of signature-base").isEqualTo(741);

        assertThat(yara(rules, entries)).as("rules matching entries of the jar").isEmpty();

        Path clear = tmp.resolve("clear-pack");
        RulePack pack = RulePack.bundled();
        for (String file : pack.list("")) {
            Path to = clear.resolve(file);
            Files.createDirectories(to.getParent());
            Files.writeString(to, pack.text(file));
        }
        assertThat(yara(rules, clear)).as("the same rules on the pack in the clear").anyMatch(l -> l.startsWith("PACK_TEXT_CANARY "));
    }

    /**
     * A rule that matches the pack's rule text (a YARA rule's header, a Sigma rule's tag line) and nothing a
     * program holds: it must match the pack in the clear, so the scan of the jar could have found text there.
     */
    private Path canary() throws IOException {
        return Files.writeString(tmp.resolve("canary.yar"), "rule PACK_TEXT_CANARY { strings: $yara = \"rule EXHUNT_Chopper_JScript_Eval\""
                + " $sigma = \"- exhunt.chain.proxylogon\" condition: any of them }\n");
    }

    @Test
    void noSigmaRuleTextLiesInTheJarInTheClear() throws Exception {
        Path entries = extractJar();
        Map<String, String> texts = sigmaTexts();
        assertThat(texts).hasSizeGreaterThan(100);
        List<String> found = new ArrayList<>();
        try (Stream<Path> all = Files.walk(entries)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                String entry = entries.relativize(p).toString().replace('\\', '/');
                Set<String> allowed = CODE_CONSTANTS.getOrDefault(entry, Set.of());
                texts.forEach((text, rule) -> {
                    if (bytes.contains(text) && !allowed.contains(text)) found.add(entry + " holds '" + text + "' of " + rule);
                });
            }
        }
        assertThat(found).isEmpty();
    }

    /** Runs the real {@code yara} over a folder; the lines it prints are its matches. */
    static List<String> yara(List<Path> rules, Path target) throws Exception {
        List<String> command = new ArrayList<>(List.of(TestEnvironment.yara().toString(), "-w", "-r",
                "-d", "filename=", "-d", "filepath=", "-d", "extension=", "-d", "filetype=", "-d", "owner="));
        rules.forEach(r -> command.add(r.toString()));
        command.add(target.toString());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("yara finished").isTrue();
        assertThat(p.exitValue()).as("yara's exit code").isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Every entry of the packaged jar, and of the archives inside it, as a file of its own. */
    private Path extractJar() throws IOException {
        Path jar = Path.of(System.getProperty("exhunt.artifacts"), "exhunt.jar");
        Path out = tmp.resolve("entries");
        int n = extract(Files.readAllBytes(jar), out, 0);
        assertThat(n).as("entries extracted").isGreaterThan(1000);
        assertThat(out.resolve("org/exhunt/hunt/rules.pack")).exists();
        return out;
    }

    private static int extract(byte[] archive, Path into, int depth) throws IOException {
        int n = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory()) continue;
                Path to = into.resolve(e.getName()).normalize();
                if (!to.startsWith(into)) throw new IOException("entry outside the folder: " + e.getName());
                byte[] bytes = zip.readAllBytes();
                Files.createDirectories(to.getParent());
                Files.write(to, bytes);
                n++;
                if (depth < NESTING && bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
                    n += extract(bytes, into.resolve(e.getName() + ".contents"), depth + 1);
                }
            }
        }
        return n;
    }

    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");

    /**
     * The text of the pack's Sigma rules that a scanner could key on: titles, ids, and every quoted value of a
     * detection (keyword lists and field values) of 8 characters or more, mapped to the rule it comes from.
     */
    private static Map<String, String> sigmaTexts() throws IOException {
        Map<String, String> texts = new TreeMap<>();
        List<Path> rules;
        try (Stream<Path> all = Files.walk(root().resolve("rules/sigma"))) {
            rules = all.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path rule : rules) {
            String name = rule.getFileName().toString();
            boolean detection = false;
            for (String line : Files.readAllLines(rule)) {
                if (line.startsWith("title: ") || line.startsWith("id: ")) texts.put(line, name);
                if (!line.startsWith(" ")) detection = line.startsWith("detection:");
                if (!detection) continue;
                Matcher m = QUOTED.matcher(line);
                while (m.find()) {
                    String value = m.group(1).replace("''", "'");
                    if (value.length() >= 8) texts.put(value, name);
                }
            }
        }
        return texts;
    }

    private static List<Path> files(Path dir, String extension) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }

    private static Path root() {
        return Path.of(System.getProperty("exhunt.root", ".."));
    }
}
