package org.exhunt.hunt.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.exhunt.kb.KnowledgeBase;

/**
 * exhunt's own rules ({@code rules/} in the project), packed into the jar as one archive at build time, masked
 * ({@link PackMask}) so that no rule text lies in the jar in the clear, and unpacked in memory only, never to disk.
 * Files are addressed by their path under {@code rules/}.
 */
public final class RulePack {

    static final String RESOURCE = "/org/exhunt/hunt/rules.pack";

    private final Map<String, byte[]> files;

    private RulePack(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    /** The rule pack shipped in the jar. */
    public static RulePack bundled() {
        try (InputStream in = RulePack.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("rule pack " + RESOURCE + " missing from the build");
            return read(new ByteArrayInputStream(PackMask.apply(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException("rule pack " + RESOURCE + " is damaged", e);
        }
    }

    /** A pack from explicit files, for tests. */
    public static RulePack of(Map<String, String> files) {
        Map<String, byte[]> bytes = new TreeMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return new RulePack(bytes);
    }

    private static RulePack read(InputStream in) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory()) continue;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                zip.transferTo(out);
                files.put(e.getName(), out.toByteArray());
            }
        }
        return new RulePack(files);
    }

    /** The pack's version, from its {@code VERSION} file. */
    public String version() {
        return text("VERSION").trim();
    }

    /** The Exchange knowledge base of this pack ({@code kb/}). */
    public KnowledgeBase knowledgeBase() {
        return KnowledgeBase.load(name -> text("kb/" + name));
    }

    /** The paths of the files under a folder ({@code ioc/}), sorted. */
    public Iterable<String> list(String folder) {
        return files.keySet().stream().filter(p -> p.startsWith(folder)).toList();
    }

    /** Whether the pack holds a file. */
    public boolean has(String path) {
        return files.containsKey(path);
    }

    /** A file's content as UTF-8 text. */
    public String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** A file's content. */
    public byte[] bytes(String path) {
        byte[] b = files.get(path);
        if (b == null) throw new IllegalArgumentException("no " + path + " in the rule pack");
        return b.clone();
    }
}
