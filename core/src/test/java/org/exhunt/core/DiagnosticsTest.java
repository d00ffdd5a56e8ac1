package org.exhunt.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    @Test
    void keepsAtMostTheCapPerFileAndSaysHowManyWereDropped() {
        Diagnostics diagnostics = new Diagnostics(2);
        for (int i = 1; i <= 5; i++) {
            diagnostics.add(Diagnostic.warning("x", SourceRef.line("a.log", i), "bad line"));
        }
        diagnostics.add(Diagnostic.error("y", SourceRef.file("b.log"), "unreadable"));

        assertThat(diagnostics.all()).extracting(Diagnostic::toString).containsExactly(
                "a.log:1: bad line [x]",
                "a.log:2: bad line [x]",
                "b.log: unreadable [y]",
                "a.log: 3 more problems in this file not shown (cap 2) [diagnostics.capped]");
        assertThat(diagnostics.hasErrors()).isTrue();
    }

    @Test
    void sourceRefPrintsOnlyTheKnownParts() {
        assertThat(SourceRef.file("x").toString()).isEqualTo("x");
        assertThat(SourceRef.line("x", 7).toString()).isEqualTo("x:7");
        assertThat(SourceRef.offset("x", 0).toString()).isEqualTo("x@0");
        assertThat(SourceRef.record("x", "42").toString()).isEqualTo("x#42");
    }
}
