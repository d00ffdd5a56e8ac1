package org.exhunt.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.exhunt.core.Diagnostic;
import org.exhunt.hunt.Hunt;
import org.exhunt.hunt.HuntOptions;
import org.exhunt.hunt.ScanProgress;
import org.exhunt.hunt.UserRules;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.scope.Allowlist;
import org.exhunt.hunt.scope.PathGlob;
import org.exhunt.hunt.scope.TimeWindow;

/**
 * The compiled rules of a run, once per JVM (an executor, or the driver in local mode), by the content of what they
 * are built from ({@link ScanSetup#hash}): the first task that needs them compiles YARA and loads Sigma, the others
 * wait for that and share it, read-only. Nothing here lives on the driver alone: each executor builds its own from
 * the broadcast setup.
 */
final class Hunts {

    /** A run's hunt, and the problems with the user's own inputs that every server's report carries. */
    record Prepared(Hunt hunt, List<Diagnostic> optionProblems) {}

    private static final Map<String, Prepared> BY_SETUP = new ConcurrentHashMap<>();
    private static final AtomicInteger BUILT = new AtomicInteger();

    private Hunts() {}

    static Prepared of(ScanSetup setup) {
        return BY_SETUP.computeIfAbsent(setup.hash(), h -> build(setup));
    }

    /**
     * Compiles the rules from the shipped files, laid out in a zip file system under the names the user gave them, so
     * that a rule's problems name the file as {@code exhunt scan} names it.
     */
    private static Prepared build(ScanSetup setup) {
        BUILT.incrementAndGet();
        List<Diagnostic> optionProblems = new ArrayList<>();
        Allowlist allowlist = setup.allowlistName() == null ? Allowlist.NONE
                : Allowlist.parse(setup.allowlistName(), setup.allowlistText(), optionProblems::add);
        HuntOptions options = new HuntOptions(setup.installPath(), setup.excludes().stream().map(PathGlob::of).toList(),
                new TimeWindow(setup.since(), setup.until()), allowlist, setup.threads(), null, ScanProgress.SILENT,
                setup.recoverSlack());
        Path zip = null;
        try {
            zip = Files.createTempFile("exhunt-rules-", ".zip");
            write(setup, zip);
            try (FileSystem rules = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
                UserRules user = new UserRules(paths(rules, setup.yara()), paths(rules, setup.sigma()),
                        paths(rules, setup.filters()), paths(rules, setup.ioc()));
                return new Prepared(Hunt.with(RulePack.bundled(), user, options), List.copyOf(optionProblems));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the rules could not be laid out for loading", e);
        } finally {
            if (zip != null) zip.toFile().delete();
        }
    }

    /** How many times this JVM compiled a run's rules: once per run's setup. */
    static int built() {
        return BUILT.get();
    }

    private static List<Path> paths(FileSystem rules, List<RuleFiles> given) {
        return given.stream().map(r -> rules.getPath(r.given())).toList();
    }

    private static void write(ScanSetup setup, Path zip) throws IOException {
        Set<String> written = new HashSet<>();   // a folder given to two options is one folder
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (List<RuleFiles> kind : List.of(setup.yara(), setup.sigma(), setup.filters(), setup.ioc())) {
                for (RuleFiles r : kind) {
                    for (RuleFiles.File f : r.files()) {
                        if (!written.add(entryName(f.name()))) continue;
                        out.putNextEntry(new ZipEntry(entryName(f.name())));
                        out.write(f.bytes());
                        out.closeEntry();
                    }
                }
            }
        }
    }

    /** The entry under which a zip file system finds a path: normalised, relative to its root. */
    private static String entryName(String path) {
        return Path.of("/").resolve(path).normalize().toString().substring(1);
    }
}
