package org.exhunt.hunt.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.evidence.EvidenceFile;

/**
 * Copies every file a finding points to (the web shell, the log holding the request, the dump) into a
 * collection folder, like Test-ProxyLogon's {@code -CollectFiles}: {@code DIR/<server>/<drive path>}, plus
 * {@code DIR/<server>/manifest.sha256} ({@code sha256sum -c} format) and {@code manifest.csv} (which findings
 * each file backs). Copies are read from the evidence and written only under DIR; the evidence is not touched.
 * Nothing under DIR is ever read back: callers keep DIR outside the evidence.
 */
public final class EvidenceCollector {

    /**
     * Every file is created new, never opened where something already is: a link put under DIR (which callers check
     * is new or empty, and outside the evidence) cannot lead a write anywhere else.
     */
    private static final StandardOpenOption NEW = StandardOpenOption.CREATE_NEW;

    private final Path dir;

    public EvidenceCollector(Path dir) {
        this.dir = dir;
    }

    /**
     * @param server   the server's name (its folder under DIR)
     * @param files    the server's evidence files, to find what findings point to
     * @param findings the findings whose files to copy, linked findings included
     */
    public void collect(String server, Collection<EvidenceFile> files, List<Finding> findings,
                        Consumer<Diagnostic> problems) throws IOException {
        Map<String, EvidenceFile> byRef = new LinkedHashMap<>();
        for (EvidenceFile f : files) byRef.put(f.ref().file(), f);
        Map<EvidenceFile, TreeSet<String>> wanted = new LinkedHashMap<>();
        for (Finding f : findings) want(f, byRef, wanted);
        if (wanted.isEmpty()) return;

        Path base = dir.resolve(safe(server));
        Files.createDirectories(base);
        try (Writer sums = Files.newBufferedWriter(base.resolve("manifest.sha256"), StandardCharsets.UTF_8, NEW);
             Writer csv = Files.newBufferedWriter(base.resolve("manifest.csv"), StandardCharsets.UTF_8, NEW)) {
            csv.write("sha256,size,modified,server_path,source,rules\n");
            for (Map.Entry<EvidenceFile, TreeSet<String>> e : wanted.entrySet()) {
                EvidenceFile f = e.getKey();
                String relative = relative(f.drivePath());
                try {
                    String sha = copy(f, base.resolve(relative));
                    sums.write(sha + "  " + relative + "\n");
                    csv.write(String.join(",", sha, Long.toString(f.size()),
                            f.modified() == null ? "" : f.modified().toString(), quote(f.windowsPath()),
                            quote(f.ref().file()), quote(String.join(" ", e.getValue()))) + "\n");
                } catch (IOException ex) {
                    problems.accept(Diagnostic.error("collect.failed", f.ref(), "could not be collected: " + ex));
                }
            }
        }
    }

    private static void want(Finding f, Map<String, EvidenceFile> byRef, Map<EvidenceFile, TreeSet<String>> wanted) {
        EvidenceFile file = byRef.get(f.source().file());
        if (file != null) wanted.computeIfAbsent(file, k -> new TreeSet<>()).add(f.ruleId());
        for (Finding linked : f.linked()) want(linked, byRef, wanted);
    }

    private static String copy(EvidenceFile f, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        MessageDigest digest = sha256();
        try (InputStream in = f.open();
             OutputStream out = new DigestOutputStream(Files.newOutputStream(to, NEW), digest)) {
            in.transferTo(out);
        }
        if (f.modified() != null) Files.setLastModifiedTime(to, FileTime.from(f.modified()));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The drive path made safe as a relative path under the collection folder. */
    static String relative(String drivePath) {
        StringBuilder out = new StringBuilder();
        for (String part : drivePath.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) continue;
            if (out.length() > 0) out.append('/');
            out.append(safe(part));
        }
        return out.toString();
    }

    private static String safe(String name) {
        return name.replaceAll("[\\x00-\\x1f<>:\"|?*\\\\]", "_");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
