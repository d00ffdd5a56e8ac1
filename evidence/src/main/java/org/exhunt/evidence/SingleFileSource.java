package org.exhunt.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;

/**
 * One file given on its own (a log, a suspect page). Its place on the server is unknown, so it stands at the top
 * of {@code C:\} under its own name; checks that go by content read it, checks that go by place cannot.
 */
public final class SingleFileSource implements EvidenceSource {

    private final Path file;
    private final FileOpener opener;

    public SingleFileSource(Path file, FileOpener opener) {
        this.file = file;
        this.opener = opener;
    }

    public SingleFileSource(Path file) {
        this(file, FileOpener.READ_ONLY);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public void walk(Consumer<EvidenceFile> files, Consumer<Diagnostic> problems) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class); // a link the user named is followed
        } catch (IOException e) {
            problems.accept(Diagnostic.error("source.unlistable", SourceRef.file(ExactNames.of(file)),
                    "could not be read: " + DirectorySource.describe(e)));
            return;
        }
        String name = ExactNames.name(file.getFileName());
        problems.accept(Diagnostic.info("source.layout", SourceRef.file(ExactNames.of(file)), "a single file: its place on"
                + " the server is unknown, so it is read as C:\\" + name + " (checks that go by folder do not apply)"));
        files.accept(new LocalFile(file, attrs, 'C', name, opener));
    }
}
