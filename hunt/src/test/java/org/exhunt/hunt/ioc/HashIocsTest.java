package org.exhunt.hunt.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;

class HashIocsTest {

    private static final String SECCHECKER = "b75f163ca9b9240bf4b37ad92bc7556b40a17e27c2b8ed5c8991385fe07d17d0";

    @Test
    void theBundledListHoldsThePublishedHashesAndLoadsCleanly() {
        RulePack pack = RulePack.bundled();
        List<Diagnostic> problems = new ArrayList<>();
        HashIocs iocs = new HashIocs().load("webshell-sha256.csv", pack.text("ioc/webshell-sha256.csv"), problems::add);

        assertThat(problems).isEmpty();
        assertThat(iocs.size()).isEqualTo(15);
        assertThat(iocs.find(SECCHECKER.toUpperCase())).hasValueSatisfying(i -> {
            assertThat(i.name()).isEqualTo("SecChecker web shell");
            assertThat(i.source()).isEqualTo("CISA-AA21-062A");
        });
    }

    @Test
    void reportsMalformedLinesWithTheirPositionAndKeepsTheRest() {
        List<Diagnostic> problems = new ArrayList<>();
        HashIocs iocs = new HashIocs().load("mine.csv", String.join("\n",
                "# my list",
                "sha256,name,campaign,source",
                SECCHECKER + ",shell,X,me",
                "1234,short,X,me",
                SECCHECKER.replace('b', 'c') + ",too,many,columns,here"), problems::add);

        assertThat(iocs.size()).isEqualTo(1);
        assertThat(problems).extracting(Diagnostic::toString).containsExactly(
                "mine.csv:4: not a SHA-256: 1234 [ioc.sha256]",
                "mine.csv:5: expected 4 columns (sha256,name,campaign,source), found 5 [ioc.columns]");
    }
}
