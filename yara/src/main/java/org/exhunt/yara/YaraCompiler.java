package org.exhunt.yara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.exhunt.yara.compile.PreparedStrings;
import org.exhunt.yara.compile.RuleCompiler;
import org.exhunt.yara.syntax.IncludeResolver;
import org.exhunt.yara.syntax.Parser;
import org.exhunt.yara.syntax.StringDecl;

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
    // What was added, kept so the compiled rules can be saved (see CompiledRules#save).
    private final Map<String, Object> externals = new LinkedHashMap<>();
    private final List<Recipe.Source> sources = new ArrayList<>();
    private final Map<String, IncludeResolver.Source> included =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private boolean includes = true;
    /** Sources added but not parsed yet: they are parsed together, on all cores (see {@link #flush}). */
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(byte[] source, String name, String namespace, IncludeResolver includes) {}

    private record Parsed(List<Object> items, Map<StringDecl, PreparedStrings> strings) {}

    /**
     * Declares external variable {@code name} with a default value: a {@code Long} or {@code Integer}, a
     * {@code Boolean}, a {@code Double}, or a {@code String} (or {@code byte[]}).
     */
    public YaraCompiler defineExternal(String name, Object value) {
        flush(); // sources added before do not see it, as in libyara
        Object v = value;
        if (value instanceof Integer i) v = (long) i;
        if (value instanceof String s) v = s.getBytes(StandardCharsets.UTF_8);
        compiler.defineExternal(name, v);
        externals.put(name, v);
        return this;
    }

    /** Adds rule text; {@code name} is what positions report. */
    public YaraCompiler addSource(String source, String name) {
        return addSource(source.getBytes(StandardCharsets.UTF_8), name, DEFAULT_NAMESPACE);
    }

    public YaraCompiler addSource(byte[] source, String name, String namespace) {
        // One copy, parsed and kept for saving alike: holding the caller's array too doubled the bytes that
        // garbage collections copy while the sources are parsed.
        byte[] copy = source.clone();
        sources.add(new Recipe.Source(copy, name, namespace));
        pending.add(new Pending(copy, name, namespace, includes ? this::resolveInclude : IncludeResolver.NONE));
        return this;
    }

    /**
     * Parses the pending sources and compiles their strings (the costly part) on all cores, while one thread
     * adds the parsed ones to the compiler in the order the sources came (a rule can only name rules before
     * it): adding overlaps with parsing instead of waiting for all of it. All of it runs on {@link DeepStack}
     * threads, whose stack holds the deepest nesting libyara's parser accepts.
     */
    private void flush() {
        if (pending.isEmpty()) return;
        ParseQueue queue = new ParseQueue(List.copyOf(pending));
        pending.clear();
        int helpers = Math.min(Runtime.getRuntime().availableProcessors() - 1, queue.size() - 1);
        for (int i = 0; i < helpers; i++) DeepStack.execute(queue::parseAll);
        DeepStack.call(() -> {
            for (int i = 0; i < queue.size(); i++) {
                Parsed p = queue.take(i);
                compiler.add(p.items(), p.strings());
            }
            return null;
        });
    }

    private static Parsed parse(Pending p) {
        List<Object> items = Parser.parse(p.source(), p.name(), p.namespace(), p.includes());
        return new Parsed(items, PreparedStrings.of(items));
    }

    /** Sources handed out one at a time to whichever thread asks, with each one's result by position. */
    private static final class ParseQueue {
        private final List<Pending> sources;
        private final List<CompletableFuture<Parsed>> results = new ArrayList<>();
        private final AtomicInteger next = new AtomicInteger();

        ParseQueue(List<Pending> sources) {
            this.sources = sources;
            for (int i = 0; i < sources.size(); i++) results.add(new CompletableFuture<>());
        }

        int size() {
            return sources.size();
        }

        void parseAll() {
            while (parseNext()) {
                // until none is left
            }
        }

        /** Parses the next source nobody took yet; false when there is none. */
        private boolean parseNext() {
            int i = next.getAndIncrement();
            if (i >= sources.size()) return false;
            try {
                results.get(i).complete(parse(sources.get(i)));
            } catch (Throwable t) {
                results.get(i).completeExceptionally(t);
            }
            return true;
        }

        /** Source {@code i} parsed; until it is, the caller parses later ones rather than wait idle. */
        Parsed take(int i) {
            CompletableFuture<Parsed> result = results.get(i);
            while (!result.isDone() && parseNext()) {
                // helping
            }
            try {
                Parsed parsed = result.join();
                // Dropped once taken, so each file's syntax tree can die young while later files are parsed.
                results.set(i, null);
                return parsed;
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error r) throw r;
                throw e;
            }
        }
    }

    public YaraCompiler addFile(Path file) throws IOException {
        return addFile(file, DEFAULT_NAMESPACE);
    }

    /** Adds a rule file; its {@code include}s are read relative to it. */
    public YaraCompiler addFile(Path file, String namespace) throws IOException {
        return addSource(Files.readAllBytes(file), file.toString(), namespace);
    }

    /**
     * Makes {@code include} an error in the sources added next ("includes are disabled", as libyara's
     * {@code yr_compiler_set_include_callback} without a callback): for rules from untrusted hands.
     */
    public YaraCompiler disableIncludes() {
        includes = false;
        return this;
    }

    /** libyara's rule: relative to the including file, else as written. Only regular files are read. */
    private IncludeResolver.Source resolveInclude(String path, String includingFile) throws IOException {
        Path relative = Path.of(includingFile).toAbsolutePath().resolveSibling(path);
        Path file = Files.isRegularFile(relative) ? relative : Path.of(path);
        if (!Files.isRegularFile(file)) throw new IOException("not a regular file");
        IncludeResolver.Source source = new IncludeResolver.Source(Files.readAllBytes(file), file.toString());
        included.put(Recipe.includeKey(path, includingFile), source);
        return source;
    }

    /** Errors and warnings so far. */
    public List<CompileDiagnostic> diagnostics() {
        flush();
        return List.copyOf(compiler.diagnostics());
    }

    /** The compiled rules; throws with all diagnostics when any source had an error. */
    public CompiledRules compile() throws YaraException {
        flush();
        if (compiler.hasErrors()) throw new YaraException(compiler.diagnostics());
        return CompiledRules.of(compiler, new Recipe(externals, sources, included), null);
    }
}
