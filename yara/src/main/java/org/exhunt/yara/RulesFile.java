package org.exhunt.yara;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.compile.RuleCompiler;
import org.exhunt.yara.compile.StringRecords;
import org.exhunt.yara.scan.Automaton;
import org.exhunt.yara.store.CorruptRulesException;
import org.exhunt.yara.store.In;
import org.exhunt.yara.store.Out;
import org.exhunt.yara.syntax.IncludeResolver;
import org.exhunt.yara.syntax.Parser;

/**
 * The compiled-rules file: a magic line and format version, the {@link Recipe} (externals, sources,
 * included files), each string as compiled ({@link StringRecords}), then the automaton. Loading parses the
 * sources and compiles the conditions again, taking strings and automaton from the file.
 */
final class RulesFile {

    private static final byte[] MAGIC = "exhunt compiled YARA rules\n".getBytes(StandardCharsets.US_ASCII);
    /** Bumped whenever what is written, or what the scanner makes of it, changes. */
    private static final int FORMAT = 1;
    private static final int MAX_SOURCE = 1 << 28;

    private RulesFile() {}

    static void write(CompiledRules rules, OutputStream stream) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(stream, 1 << 16);
        Out out = new Out(buffered);
        buffered.write(MAGIC);
        out.i32(FORMAT);
        Recipe recipe = rules.recipe;
        out.i32(recipe.externals().size());
        for (Map.Entry<String, Object> e : recipe.externals().entrySet()) {
            out.text(e.getKey());
            Object v = e.getValue();
            if (v instanceof Boolean b) {
                out.u8(0);
                out.bool(b);
            } else if (v instanceof Long l) {
                out.u8(1);
                out.i64(l);
            } else if (v instanceof Double d) {
                out.u8(2);
                out.f64(d);
            } else {
                out.u8(3);
                out.bytes((byte[]) v);
            }
        }
        out.i32(recipe.sources().size());
        for (Recipe.Source s : recipe.sources()) {
            out.bytes(s.content());
            out.text(s.name());
            out.text(s.namespace());
        }
        out.i32(recipe.includes().size());
        // Sorted: includes are read by parallel parsing, in no fixed order.
        for (Map.Entry<String, IncludeResolver.Source> e : new java.util.TreeMap<>(recipe.includes()).entrySet()) {
            out.text(e.getKey());
            out.bytes(e.getValue().content());
            out.text(e.getValue().name());
        }
        StringRecords.write(rules.strings, out);
        rules.automaton.write(out);
        out.flush();
    }

    static CompiledRules read(InputStream stream) throws IOException {
        byte[] bytes = stream.readAllBytes();
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptRulesException("not a compiled-rules file");
        }
        In in = new In(bytes, MAGIC.length);
        int format = in.i32();
        if (format != FORMAT) {
            throw new CorruptRulesException("rules were compiled by another version of exhunt (format " + format + ")");
        }
        try {
            Map<String, Object> externals = new LinkedHashMap<>();
            int n = in.count(1 << 16);
            for (int i = 0; i < n; i++) {
                String name = in.text(1 << 16);
                externals.put(name, switch (in.u8()) {
                    case 0 -> in.bool();
                    case 1 -> in.i64();
                    case 2 -> in.f64();
                    case 3 -> in.bytes(MAX_SOURCE);
                    default -> throw new CorruptRulesException("bad external type");
                });
            }
            List<Recipe.Source> sources = new ArrayList<>();
            n = in.count(1 << 20);
            for (int i = 0; i < n; i++) sources.add(new Recipe.Source(in.bytes(MAX_SOURCE), in.text(1 << 16), in.text(1 << 16)));
            Map<String, IncludeResolver.Source> includes = new LinkedHashMap<>();
            n = in.count(1 << 20);
            for (int i = 0; i < n; i++) {
                String key = in.text(1 << 17);
                includes.put(key, new IncludeResolver.Source(in.bytes(MAX_SOURCE), in.text(1 << 16)));
            }
            Recipe recipe = new Recipe(externals, sources, includes);
            RuleCompiler compiler = new RuleCompiler(StringRecords.read(in));
            for (Map.Entry<String, Object> e : externals.entrySet()) compiler.defineExternal(e.getKey(), e.getValue());
            IncludeResolver resolver = (path, from) -> {
                IncludeResolver.Source s = includes.get(Recipe.includeKey(path, from));
                if (s == null) throw new CorruptRulesException("included file missing: " + path);
                return s;
            };
            // on a deep stack, as YaraCompiler parses and compiles (see DeepStack)
            DeepStack.call(() -> {
                for (Recipe.Source s : sources) compiler.add(Parser.parse(s.content(), s.name(), s.namespace(), resolver));
                return null;
            });
            if (compiler.hasErrors() || !compiler.recordsExhausted()) {
                throw new CorruptRulesException("the rules in the file do not compile as they did");
            }
            Automaton automaton = Automaton.read(in, compiler.strings());
            return CompiledRules.of(compiler, recipe, automaton);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
