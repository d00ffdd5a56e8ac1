package org.exhunt.yara.compile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.ErrorCode;
import org.exhunt.yara.syntax.RuleDecl;
import org.exhunt.yara.syntax.StringDecl;

/**
 * A string declaration compiled ahead of its rule, so that the costly part of compiling (patterns, atoms,
 * programs) can run on several threads while rules are still added one after the other: the strings
 * without their index and rule, or the error, and the warnings to give when the rule is compiled.
 */
public final class PreparedStrings {

    private record Warning(ErrorCode code, String message) {}

    private final List<CompiledString> parts;
    private final CompileError error;
    private final List<Warning> warnings;

    private PreparedStrings(List<CompiledString> parts, CompileError error, List<Warning> warnings) {
        this.parts = parts;
        this.error = error;
        this.warnings = warnings;
    }

    /** Each string declaration of the rules among {@code items} (a parser's output), compiled. Thread-safe. */
    public static Map<StringDecl, PreparedStrings> of(List<Object> items) {
        Map<StringDecl, PreparedStrings> out = new IdentityHashMap<>();
        for (Object item : items) {
            if (!(item instanceof RuleDecl rule)) continue;
            for (StringDecl s : rule.strings()) out.put(s, prepare(s));
        }
        return out;
    }

    private static PreparedStrings prepare(StringDecl decl) {
        List<Warning> warnings = new ArrayList<>();
        try {
            List<CompiledString> parts = StringCompiler.compile(decl, 0, -1, (c, m) -> warnings.add(new Warning(c, m)));
            return new PreparedStrings(parts, null, warnings);
        } catch (CompileError e) {
            return new PreparedStrings(null, e, warnings);
        }
    }

    /** The strings numbered from {@code firstIndex} in {@code rule}, after giving the warnings. */
    List<CompiledString> instantiate(int firstIndex, int rule, StringCompiler.Warnings to) throws CompileError {
        for (Warning w : warnings) to.warn(w.code(), w.message());
        if (error != null) throw error;
        List<CompiledString> out = new ArrayList<>(parts.size());
        for (CompiledString p : parts) {
            CompiledString s = p.copyAs(firstIndex + out.size(), rule);
            if (p.chainedTo != null) {
                s.chainedTo = out.get(out.size() - 1);
                s.head = s.chainedTo.head;
            }
            out.add(s);
        }
        return out;
    }
}
