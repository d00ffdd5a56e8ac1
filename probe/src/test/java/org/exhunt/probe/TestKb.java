package org.exhunt.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exhunt.kb.KnowledgeBase;

/** The knowledge base as the project ships it ({@code rules/kb/}). */
final class TestKb {

    static final KnowledgeBase KB = KnowledgeBase.load(name -> {
        try {
            return Files.readString(Path.of(System.getProperty("exhunt.root", ".."), "rules", "kb", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    private TestKb() {}
}
