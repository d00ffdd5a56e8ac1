package org.exhunt.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.exhunt.core.Diagnostic;

/** What one walk over a source handed out: its files and its problems, with the views tests compare. */
record Walk(List<EvidenceFile> files, List<Diagnostic> problems) {

    static Walk of(EvidenceSource source) {
        List<EvidenceFile> files = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        source.walk(files::add, problems::add);
        return new Walk(files, problems);
    }

    /** {@code C:/inetpub/...} to the SHA-256 of the content read through {@link EvidenceFile#open}, sorted. */
    Map<String, String> hashes() {
        Map<String, String> out = new TreeMap<>();
        for (EvidenceFile f : files) out.put(f.drive() + ":/" + f.drivePath(), sha256(f));
        return out;
    }

    List<String> codes() {
        return problems.stream().map(Diagnostic::code).toList();
    }

    List<Diagnostic> errors() {
        return problems.stream().filter(Diagnostic::isError).toList();
    }

    Diagnostic only(String code) {
        List<Diagnostic> found = problems.stream().filter(d -> d.code().equals(code)).toList();
        if (found.size() != 1) throw new AssertionError("expected one " + code + " in " + problems);
        return found.get(0);
    }

    static String sha256(EvidenceFile f) {
        try (InputStream in = f.open()) {
            return sha256(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(f.ref() + ": " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
