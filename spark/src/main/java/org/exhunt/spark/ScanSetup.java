package org.exhunt.spark;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything a server's scan depends on besides its evidence, the same for every server of a run and shipped to
 * every executor once (a broadcast): the user's rules as read on the driver ({@code --yara}, {@code --sigma},
 * {@code --filters}, {@code --ioc}), the allowlist's text, and the scan options of {@code exhunt scan}. The rule pack
 * and knowledge base are the ones in the jar. {@link #hash} names the rules' content, so that an executor compiles
 * them once however many tasks it runs ({@link Hunts}).
 *
 * @param allowlistName as given, or null without an allowlist
 * @param threads       files read in parallel within one task
 */
record ScanSetup(List<RuleFiles> yara, List<RuleFiles> sigma, List<RuleFiles> filters, List<RuleFiles> ioc,
                 String allowlistName, String allowlistText, String installPath, List<String> excludes, Instant since,
                 Instant until, boolean recoverSlack, int threads) implements Serializable {

    ScanSetup {
        yara = List.copyOf(yara);
        sigma = List.copyOf(sigma);
        filters = List.copyOf(filters);
        ioc = List.copyOf(ioc);
        excludes = List.copyOf(excludes);
    }

    /** SHA-256 of everything here: two setups with the same hash compile the same rules the same way. */
    String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            for (List<RuleFiles> kind : List.of(yara, sigma, filters, ioc)) {
                out.writeInt(kind.size());
                for (RuleFiles r : kind) {
                    text(out, r.given());
                    out.writeInt(r.files().size());
                    for (RuleFiles.File f : r.files()) {
                        text(out, f.name());
                        out.writeInt(f.bytes().length);
                        out.flush();
                        sha.update(bytes.toByteArray());
                        bytes.reset();
                        sha.update(f.bytes());
                    }
                }
            }
            for (String s : new String[] {allowlistName, allowlistText, installPath, String.valueOf(since),
                    String.valueOf(until), String.valueOf(recoverSlack), String.valueOf(threads)}) {
                text(out, s);
            }
            for (String e : excludes) text(out, e);
            out.flush();
            sha.update(bytes.toByteArray());
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s == null) return;
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
