package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README renders as it reads (issue 26): every table row, as GFM parses it, is a row written as one, with its
 * header's number of cells (a paragraph line inside a table became seven garbage rows once), and every link inside
 * the page goes to a heading it has. Links to files are checked inside the release zip by {@code ReleaseZipIT}.
 */
class ReadmeTest {

    private final Readme readme = new Readme(Files.readString(Path.of(System.getProperty("exhunt.root", ".."), "README.md")));

    ReadmeTest() throws IOException {}

    @Test
    void everyTableRowIsARowWithItsHeadersNumberOfCells() {
        List<List<String>> tables = readme.tables();
        assertThat(tables).as("the commands, exit codes and folder tables").hasSizeGreaterThanOrEqualTo(3);
        for (List<String> table : tables) {
            int header = Readme.cells(table.get(0));
            assertThat(table).as("table '%s'", table.get(0)).allSatisfy(row -> {
                assertThat(row.strip()).as("a row written as a row").startsWith("|");
                assertThat(Readme.cells(row)).as("cells of %s", row).isEqualTo(header);
            });
        }
    }

    @Test
    void theCommandsTableHasEveryCommand() {
        List<String> commands = readme.tables().stream().filter(t -> t.get(0).contains("| command |")).findFirst()
                .orElseThrow();
        for (String command : List.of("scan", "build", "probe", "dump", "sigma", "yara", "rules check", "rules compile", "--help",
                "--version")) {
            assertThat(commands).as("exhunt %s", command).anyMatch(row -> row.startsWith("| `exhunt " + command));
        }
    }

    @Test
    void everyLinkWithinThePageGoesToOneOfItsHeadings() {
        List<String> anchors = readme.links().stream().filter(l -> l.startsWith("#")).map(l -> l.substring(1)).toList();
        assertThat(anchors).isNotEmpty();
        assertThat(readme.anchors()).containsAll(anchors);
    }

    @Test
    void aTableWithAStrayLineIsCaught() {
        Readme broken = new Readme("| a | b |\n|---|---|\n| 1 | 2 |\n  a paragraph line\n| 3 | 4 |\n");
        assertThat(broken.tables()).hasSize(1);
        assertThat(broken.tables().get(0)).contains("  a paragraph line");
        assertThat(Readme.cells("| `a \\| b` | c |")).isEqualTo(2);
    }
}
