package org.exhunt.yara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhunt.yara.compile.RuleCompiler;
import org.exhunt.yara.syntax.IncludeResolver;
import org.exhunt.yara.syntax.Parser;

/**
 * Compiles YARA rules, from files or text, into {@link CompiledRules}. Declare external variables first,
 * then add sources (each in a namespace, {@code default} unless given); every problem is collected, so one
 * bad rule does not hide the others. Not thread-safe; the result is.
 *
 * <pre>{@code
 * CompiledRules rules = new YaraCompiler()
 *         .defineExternal("filename", "")
 *         .addFile(Path.of("webshells.yar"))
 *         .compile();
 * }</pre>
 */
public final class YaraCompiler {

    public static final String DEFAULT_NAMESPACE = "default";

    private final RuleCompiler compiler = new RuleCompiler();

    /**
     * Declares external variable {@code name} with a default value: a {@code Long} or {@code Integer}, a
     * {@code Boolean}, a {@code Double}, or a {@code String} (or {@code byte[]}).
     */
    public YaraCompiler defineExternal(String name, Object value) {
        Object v = value;
        if (value instanceof Integer i) v = (long) i;
        if (value instanceof String s) v = s.getBytes(StandardCharsets.UTF_8);
        compiler.defineExternal(name, v);
        return this;
    }

    /** Adds rule text; {@code name} is what positions report. */
    public YaraCompiler addSource(String source, String name) {
        return addSource(source.getBytes(StandardCharsets.UTF_8), name, DEFAULT_NAMESPACE);
    }

    public YaraCompiler addSource(byte[] source, String name, String namespace) {
        compiler.add(Parser.parse(source, name, namespace, YaraCompiler::resolveInclude));
        return this;
    }

    public YaraCompiler addFile(Path file) throws IOException {
        return addFile(file, DEFAULT_NAMESPACE);
    }

    /** Adds a rule file; its {@code include}s are read relative to it. */
    public YaraCompiler addFile(Path file, String namespace) throws IOException {
        return addSource(Files.readAllBytes(file), file.toString(), namespace);
    }

    /** libyara's rule: relative to the including file, else as written. */
    private static IncludeResolver.Source resolveInclude(String path, String includingFile) throws IOException {
        Path relative = Path.of(includingFile).toAbsolutePath().resolveSibling(path);
        Path file = Files.isRegularFile(relative) ? relative : Path.of(path);
        return new IncludeResolver.Source(Files.readAllBytes(file), file.toString());
    }

    /** Errors and warnings so far. */
    public List<CompileDiagnostic> diagnostics() {
        return List.copyOf(compiler.diagnostics());
    }

    /** The compiled rules; throws with all diagnostics when any source had an error. */
    public CompiledRules compile() throws YaraException {
        if (compiler.hasErrors()) throw new YaraException(compiler.diagnostics());
        return CompiledRules.of(compiler);
    }
}
