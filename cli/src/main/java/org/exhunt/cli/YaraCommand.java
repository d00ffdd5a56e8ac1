package org.exhunt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exhunt.yara.CompileDiagnostic;
import org.exhunt.yara.CompiledRules;
import org.exhunt.yara.ExternalValues;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.Scanner;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraException;
import org.exhunt.yara.store.CorruptRulesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exhunt yara}: the YARA engine alone, with {@code yara} 4.2.3's options, output and exit codes, so
 * that the sorted outputs of both tools on the same input are identical.
 */
@Command(name = "yara", mixinStandardHelpOptions = true, versionProvider = Versions.class, exitCodeOnInvalidInput = 1,
        exitCodeOnExecutionException = 1,
        header = "Scan files with YARA rules, as the yara command does (same options, output and exit codes).",
        description = "RULES are rule files, each optionally prefixed with NAMESPACE: ; TARGET is a file or a directory."
                + " Exit code 0 whether or not rules match, 1 on errors.")
final class YaraCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RULES... TARGET",
            description = "Rule files, then the file or directory to scan (with --compile: rule files only).")
    List<String> arguments;

    @Option(names = "--compile", paramLabel = "OUT",
            description = "Compile RULES into the compiled-rules file OUT (as yarac does) instead of scanning.")
    Path compileTo;

    @Option(names = {"-C", "--compiled-rules"}, description = "RULES is a compiled-rules file written by --compile.")
    boolean compiledRules;

    @Option(names = {"-r", "--recursive"}, description = "Recursively search directories.")
    boolean recursive;

    @Option(names = {"-s", "--print-strings"}, description = "Print matching strings.")
    boolean printStrings;

    @Option(names = {"-L", "--print-string-length"}, description = "Print length of matched strings.")
    boolean printLength;

    @Option(names = {"-g", "--print-tags"}, description = "Print tags.")
    boolean printTags;

    @Option(names = {"-m", "--print-meta"}, description = "Print metadata.")
    boolean printMeta;

    @Option(names = {"-e", "--print-namespace"}, description = "Print rules' namespace.")
    boolean printNamespace;

    @Option(names = {"-n", "--negate"}, description = "Print only not satisfied rules (negate).")
    boolean negate;

    @Option(names = {"-c", "--count"}, description = "Print only number of matches.")
    boolean count;

    @Option(names = {"-f", "--fast-scan"}, description = "Fast matching mode.")
    boolean fast;

    @Option(names = {"-w", "--no-warnings"}, description = "Disable warnings.")
    boolean noWarnings;

    @Option(names = "--fail-on-warnings", description = "Fail on warnings.")
    boolean failOnWarnings;

    @Option(names = {"-p", "--threads"}, paramLabel = "N", description = "Use N threads to scan a directory (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-d", "--define"}, paramLabel = "VAR=VALUE", description = "Define an external variable.")
    List<String> defines = new ArrayList<>();

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "Print only rules tagged as TAG.")
    List<String> tags = new ArrayList<>();

    @Option(names = {"-i", "--identifier"}, paramLabel = "IDENTIFIER", description = "Print only rules named IDENTIFIER.")
    List<String> identifiers = new ArrayList<>();

    @Option(names = {"-a", "--timeout"}, paramLabel = "SECONDS", description = "Abort scanning a file after SECONDS.")
    int timeout = 1_000_000;

    @Option(names = {"-l", "--max-rules"}, paramLabel = "NUMBER", description = "Abort scanning after matching NUMBER rules.")
    int maxRules;

    @Option(names = {"-N", "--no-follow-symlinks"}, description = "Do not follow symlinks when scanning.")
    boolean noFollowSymlinks;

    @Option(names = {"-z", "--skip-larger"}, paramLabel = "NUMBER", description = "Skip files larger than NUMBER bytes when scanning a directory.")
    long skipLarger;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        List<Object[]> externals = new ArrayList<>();
        for (String d : defines) {
            int eq = d.indexOf('=');
            if (eq < 0) {
                // yara says so, ignores this and the following definitions, and goes on.
                err.println("error: wrong syntax for `-d` option.");
                break;
            }
            externals.add(new Object[] {d.substring(0, eq), ExternalValues.fromCommandLine(d.substring(eq + 1))});
        }
        if (compileTo != null) return compileOnly(externals, err);
        if (arguments.size() < 2) {
            err.println("yara: wrong number of arguments");
            err.println(spec.commandLine().getUsageMessage());
            return 1;
        }
        List<String> ruleFiles = arguments.subList(0, arguments.size() - 1);
        String target = arguments.get(arguments.size() - 1);
        Path path = Path.of(target);
        // A directory's files are listed (tens of ms on a cold JVM) on another core while the rules compile.
        CompletableFuture<List<String>> listing = Files.isDirectory(path)
                ? CompletableFuture.supplyAsync(() -> YaraTargets.list(target, recursive, !noFollowSymlinks, skipLarger))
                : null;
        CompiledRules rules = compiledRules ? load(ruleFiles, err) : compile(ruleFiles, externals, err);
        if (rules == null) return 1;
        try {
            scanner(rules, externals);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }

        YaraPrinter printer = new YaraPrinter(printStrings, printLength, printTags, printMeta, printNamespace, negate,
                count, tags, identifiers, maxRules);
        if (listing == null) {
            Scanner scanner = scanner(rules, externals);
            ScanOutcome o = scanOne(scanner, path);
            if (o.error != null) {
                err.println("error scanning " + target + ": " + o.error);
                return 1;
            }
            warn(err, target, o.result);
            printer.print(o.result, target, false, out);
            out.flush();
            return 0;
        }
        return scanDirectory(rules, externals, listing.join(), printer, out, err);
    }

    /** {@code --compile OUT}: every argument is a rule file; the compiled rules go to OUT. */
    private int compileOnly(List<Object[]> externals, PrintWriter err) {
        CompiledRules rules = compile(arguments, externals, err);
        if (rules == null) return 1;
        try (OutputStream out = Files.newOutputStream(compileTo)) {
            rules.save(out);
        } catch (IOException e) {
            err.println("error: could not write " + compileTo + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** {@code -C}: one compiled-rules file, as yara accepts. */
    private CompiledRules load(List<String> ruleFiles, PrintWriter err) {
        if (ruleFiles.size() != 1) {
            err.println("error: can't accept multiple rules files if one of them is in compiled form.");
            return null;
        }
        try (InputStream in = Files.newInputStream(Path.of(ruleFiles.get(0)))) {
            return CompiledRules.load(in);
        } catch (CorruptRulesException e) {
            err.println("error: invalid compiled rules file: " + e.getMessage());
        } catch (IOException e) {
            err.println("error: could not open file: " + ruleFiles.get(0));
        }
        return null;
    }

    private CompiledRules compile(List<String> ruleFiles, List<Object[]> externals, PrintWriter err) {
        YaraCompiler compiler = new YaraCompiler();
        for (Object[] e : externals) compiler.defineExternal((String) e[0], e[1]);
        for (String arg : ruleFiles) {
            String namespace = YaraCompiler.DEFAULT_NAMESPACE;
            String file = arg;
            int colon = arg.indexOf(':');
            if (colon > 0 && !Files.exists(Path.of(arg))) {
                namespace = arg.substring(0, colon);
                file = arg.substring(colon + 1);
            }
            try {
                compiler.addSource(Files.readAllBytes(Path.of(file)), file, namespace);
            } catch (IOException e) {
                err.println("error: could not open file: " + file);
                return null;
            }
        }
        boolean warned = false;
        for (CompileDiagnostic d : compiler.diagnostics()) {
            if (d.error() || !noWarnings) err.println(d);
            warned |= !d.error();
        }
        try {
            CompiledRules rules = compiler.compile();
            if (failOnWarnings && warned) return null;
            return rules;
        } catch (YaraException e) {
            return null;
        }
    }

    private Scanner scanner(CompiledRules rules, List<Object[]> externals) {
        Scanner s = rules.newScanner().fastMode(fast).timeout(Duration.ofSeconds(timeout));
        for (Object[] e : externals) s.define((String) e[0], e[1]);
        return s;
    }

    private record ScanOutcome(ScanResult result, String error) {}

    private ScanOutcome scanOne(Scanner scanner, Path file) {
        ScanResult r;
        try {
            r = scanner.scan(file);
        } catch (IOException e) {
            return new ScanOutcome(null, "could not open file");
        }
        return new ScanOutcome(r, r.failed() ? r.error() : null);
    }

    /** yara's scan warnings unless {@code -w}; what this engine could not evaluate is said even with {@code -w}. */
    private void warn(PrintWriter err, String file, ScanResult r) {
        synchronized (err) {
            if (!noWarnings) for (String w : r.warnings()) err.println("warning: " + w);
            if (!r.rulesNeedingPe().isEmpty()) err.println(peNotImplemented(file, r.rulesNeedingPe()));
        }
    }

    /** On a PE file, rules reading PE fields beyond is_pe and the constants may differ from yara's verdict. */
    static String peNotImplemented(String file, List<String> rules) {
        int shown = Math.min(rules.size(), 5);
        String names = String.join(", ", rules.subList(0, shown))
                + (rules.size() > shown ? " and " + (rules.size() - shown) + " more" : "");
        return "warning: " + file + ": pe module not implemented beyond pe.is_pe and its constants; " + rules.size()
                + " rule(s) reading other PE fields were evaluated with them undefined: " + names;
    }

    private int scanDirectory(CompiledRules rules, List<Object[]> externals, List<String> files, YaraPrinter printer,
            PrintWriter out, PrintWriter err) {
        int n = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        ThreadLocal<Scanner> scanners = ThreadLocal.withInitial(() -> scanner(rules, externals));
        List<Future<?>> tasks = new ArrayList<>();
        for (String file : files) {
            tasks.add(pool.submit(() -> {
                ScanOutcome o = scanOne(scanners.get(), Path.of(file));
                if (o.error != null) {
                    // Like yara, -c prints a count (0) even for a file it could not scan.
                    printer.print(ScanResult.failure(o.error), file, true, out);
                    synchronized (out) {
                        out.flush();
                    }
                    synchronized (err) {
                        err.println("error scanning " + file + ": " + o.error);
                    }
                    return;
                }
                warn(err, file, o.result);
                printer.print(o.result, file, true, out);
                synchronized (out) {
                    out.flush();
                }
            }));
        }
        pool.shutdown();
        for (Future<?> f : tasks) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return 0;
    }
}
