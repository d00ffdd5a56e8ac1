package org.exhunt.hunt.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.core.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The pack's copies of signature-base's rule files are pinned: each is the file of the commit rules/README.md names,
 * byte for byte, as its digest there says, and the README lists every copy the pack carries, with the licence's text
 * beside them (DRL 1.1). Where the corpus is present (always in CI), each copy is also compared with the corpus's file of
 * that commit.
 */
class PinnedSignatureBaseTest {

    private static final String FOLDER = "yara/signature-base/";
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+\\.yar)` \\| (\\d+) \\| `([0-9a-f]{64})` \\|$", Pattern.MULTILINE);
    private static final RulePack PACK = RulePack.bundled();

    @Test
    void everyPinnedFileIsTheOneTheReadmeNamesByDigestAndRuleCount() throws Exception {
        Map<String, String[]> listed = readmeRows();
        Map<String, String[]> carried = new TreeMap<>();
        for (String file : PACK.list(FOLDER)) {
            if (!file.endsWith(".yar")) continue;
            String text = PACK.text(file);
            carried.put(file.substring(FOLDER.length()), new String[] {Integer.toString(ruleCount(text)), sha256(PACK.bytes(file))});
        }
        assertThat(carried.keySet()).containsExactlyElementsOf(listed.keySet());
        carried.forEach((file, seen) -> assertThat(seen).as(file).containsExactly(listed.get(file)));
        assertThat(PACK.text(FOLDER + "LICENSE")).startsWith("# Detection Rule License (DRL) 1.1");
    }

    @Test
    void everyPinnedFileIsTheCorpusFileOfTheSameCommit() throws Exception {
        Path corpus = TestEnvironment.corpus("yara-rules");
        assertThat(Files.readString(corpus.resolve("PROVENANCE.txt")))
                .contains("Neo23x0/signature-base 8a89b3bf54517bbc35718460321d42536e1e6198 yara");
        assertThat(readme()).contains("commit `8a89b3bf54517bbc35718460321d42536e1e6198`");
        for (String file : readmeRows().keySet()) {
            assertThat(PACK.bytes(FOLDER + file)).as(file)
                    .isEqualTo(Files.readAllBytes(corpus.resolve("signature-base/yara/" + file)));
        }
        assertThat(PACK.bytes(FOLDER + "LICENSE")).isEqualTo(Files.readAllBytes(corpus.resolve("signature-base/LICENSE")));
    }

    private static Map<String, String[]> readmeRows() throws IOException {
        Map<String, String[]> rows = new TreeMap<>();
        Matcher m = ROW.matcher(readme());
        while (m.find()) rows.put(m.group(1), new String[] {m.group(2), m.group(3)});
        assertThat(rows).isNotEmpty();
        return rows;
    }

    private static String readme() throws IOException {
        return Files.readString(Path.of(System.getProperty("exhunt.root", "..")).resolve("rules/README.md"));
    }

    /** Rules declared in a file (private and global ones too), by their keyword at the start of a line. */
    private static int ruleCount(String text) {
        Matcher m = Pattern.compile("^\\s*(private\\s+|global\\s+)*rule\\s+\\w+", Pattern.MULTILINE).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
