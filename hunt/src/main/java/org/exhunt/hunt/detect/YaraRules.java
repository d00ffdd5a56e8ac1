package org.exhunt.hunt.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.yara.CompileDiagnostic;
import org.exhunt.yara.CompiledRules;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraException;

/**
 * Compiles the YARA rules of a hunt: the rule pack's {@code yara/} files and the user's ({@code --yara}),
 * each in its own namespace so that rule names never collide: exhunt's own rules in {@code exhunt}, the pack's pinned
 * copies of third-party rule files in the name of their folder ({@code yara/signature-base/} in
 * {@code signature-base}), the user's in {@code user}. A file with errors is reported with its positions and left out;
 * the rest still compile and run.
 */
public final class YaraRules {

    static final String PACK_NAMESPACE = "exhunt";
    static final String USER_NAMESPACE = "user";
    private static final String PACK_FOLDER = "yara/";

    private record Source(byte[] text, String name, String namespace) {}

    private YaraRules() {}

    /** The compiled rules, or null when there are none; every problem goes to {@code problems}. */
    public static CompiledRules compile(RulePack pack, List<Path> userRules, Consumer<Diagnostic> problems) {
        List<Source> sources = new ArrayList<>();
        for (String file : pack.list(PACK_FOLDER)) {
            if (isRuleFile(file)) sources.add(new Source(pack.bytes(file), "rules/" + file, packNamespace(file)));
        }
        for (Path p : userRules) collect(p, sources, problems);
        if (sources.isEmpty()) return null;

        Set<String> broken = new TreeSet<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            YaraCompiler compiler = new YaraCompiler();
            for (String external : YaraDetector.EXTERNALS) compiler.defineExternal(external, "");
            for (Source s : sources) {
                if (!broken.contains(s.name())) compiler.addSource(s.text(), s.name(), s.namespace());
            }
            try {
                CompiledRules rules = compiler.compile();
                compiler.diagnostics().forEach(d -> problems.accept(d.toDiagnostic()));
                return rules;
            } catch (YaraException e) {
                // leave the files with errors out and compile the others again: one broken file must not
                // take every rule with it
                for (CompileDiagnostic d : compiler.diagnostics()) {
                    if (d.error()) {
                        problems.accept(d.toDiagnostic());
                        broken.add(d.file());
                    }
                }
            }
        }
        problems.accept(Diagnostic.error("yara.not-loaded", SourceRef.file("YARA rules"),
                "no YARA rule could be compiled"));
        return null;
    }

    /** {@code exhunt} for a file directly in the pack's {@code yara/}, else the name of its folder there. */
    static String packNamespace(String file) {
        int slash = file.indexOf('/', PACK_FOLDER.length());
        return slash < 0 ? PACK_NAMESPACE : file.substring(PACK_FOLDER.length(), slash);
    }

    private static void collect(Path p, List<Source> sources, Consumer<Diagnostic> problems) {
        try {
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(p)) {
                    files = walk.filter(Files::isRegularFile).filter(f -> isRuleFile(f.toString())).sorted().toList();
                }
                for (Path f : files) collect(f, sources, problems);
            } else {
                sources.add(new Source(Files.readAllBytes(p), p.toString(), USER_NAMESPACE));
            }
        } catch (IOException e) {
            problems.accept(Diagnostic.error("yara.unreadable", SourceRef.file(p.toString()),
                    "YARA rules could not be read: " + e));
        }
    }

    private static boolean isRuleFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".yar") || n.endsWith(".yara");
    }

}
