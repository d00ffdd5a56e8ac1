package org.exhunt.hunt.ioc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.hunt.ioc.stix.StixBundle;

/**
 * A user's own indicators ({@code exhunt scan --ioc FILE}): a STIX 2.1 bundle when the file starts with '{', a CSV
 * list in the bundled lists' format ({@link IocCsv}) otherwise. Findings of a CSV list carry the rule id
 * {@code exhunt.ioc.user.<file name>}, those of a STIX indicator its STIX id.
 */
public final class IocFiles {

    private IocFiles() {}

    /** Adds the indicators of one file to a set; returns how many were added. Problems go to {@code problems}. */
    public static int load(Path path, Set<String> chains, IocSet into, Consumer<Diagnostic> problems) {
        String file = path.toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            in.mark(1 << 16);
            byte[] head = in.readNBytes(1 << 12);
            in.reset();
            if (startsWithBrace(head)) return StixBundle.load(file, in, into, problems);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            return IocCsv.load("exhunt.ioc.user." + listName(path), file, text, chains, into, problems);
        } catch (IOException e) {
            problems.accept(Diagnostic.error("ioc.read", SourceRef.file(file), "could not be read: " + e.getMessage()));
            return 0;
        }
    }

    private static boolean startsWithBrace(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        for (; i < head.length; i++) {
            if (!Character.isWhitespace(head[i])) return head[i] == '{';
        }
        return false;
    }

    /** {@code my-iocs.csv} gives {@code my-iocs}. */
    static String listName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^a-z0-9._-]+", "-");
    }
}
