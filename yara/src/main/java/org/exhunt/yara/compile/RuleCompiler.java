package org.exhunt.yara.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhunt.yara.CompileDiagnostic;
import org.exhunt.yara.ErrorCode;
import org.exhunt.yara.condition.ExprType;
import org.exhunt.yara.condition.Node;
import org.exhunt.yara.modules.Module;
import org.exhunt.yara.modules.Modules;
import org.exhunt.yara.syntax.Import;
import org.exhunt.yara.syntax.Meta;
import org.exhunt.yara.syntax.RuleDecl;
import org.exhunt.yara.syntax.SourcePos;
import org.exhunt.yara.syntax.StringDecl;
import org.exhunt.yara.syntax.SyntaxError;

/**
 * Compiles parsed items one after the other, as libyara does while parsing: an import makes a module
 * nameable in its namespace; a rule is checked and compiled (strings, then condition), and a rule in error
 * is dropped while the next ones are still compiled, so that all problems are reported at once. Rules can
 * only name rules declared before them. Not thread-safe.
 */
public final class RuleCompiler {

    /** libyara's default {@code --max-strings-per-rule}. */
    public static final int MAX_STRINGS_PER_RULE = 10_000;

    private final List<CompiledRule> rules = new ArrayList<>();
    private final List<CompiledString> strings = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    /** Rule indexes by namespace and name (failed rules too, as in libyara, so later references resolve). */
    private final Map<String, Map<String, Integer>> ruleNames = new HashMap<>();
    private final Map<String, Set<String>> imports = new HashMap<>();
    private final Map<String, Integer> moduleSlots = new LinkedHashMap<>();
    private final Map<String, Scope.External> externals = new LinkedHashMap<>();
    private final List<CompileDiagnostic> diagnostics = new ArrayList<>();
    private int nextRuleIndex;
    /** When loading a compiled-rules file: the strings as compiled then, used instead of compiling again. */
    private final StringRecords recorded;
    /** The string declarations of the items being added that were compiled ahead. */
    private Map<StringDecl, PreparedStrings> prepared = Map.of();

    /** A compiler that compiles everything. */
    public RuleCompiler() {
        this(null);
    }

    /** A compiler that takes each declaration's strings from {@code recorded} (see {@link StringRecords}). */
    public RuleCompiler(StringRecords recorded) {
        this.recorded = recorded;
    }

    /** Declares an external variable ({@code Long}, {@code Boolean}, {@code Double} or {@code byte[]}). */
    public void defineExternal(String name, Object value) {
        ExprType type;
        Object v = value;
        if (value instanceof Boolean b) {
            type = ExprType.INTEGER;
            v = b ? 1L : 0L;
        } else if (value instanceof Long) {
            type = ExprType.INTEGER;
        } else if (value instanceof Double) {
            type = ExprType.FLOAT;
        } else if (value instanceof byte[]) {
            type = ExprType.STRING;
        } else {
            throw new IllegalArgumentException("external " + name + ": unsupported value " + value);
        }
        Scope.External existing = externals.get(name);
        int slot = existing != null ? existing.slot() : externals.size();
        externals.put(name, new Scope.External(slot, type, v));
    }

    /** The items {@link org.exhunt.yara.syntax.Parser#parse} returned for one source. */
    public void add(List<Object> items) {
        add(items, Map.of());
    }

    /** The same, with the items' string declarations already compiled (see {@link PreparedStrings}). */
    public void add(List<Object> items, Map<StringDecl, PreparedStrings> prepared) {
        this.prepared = prepared;
        for (Object item : items) {
            if (item instanceof SyntaxError e) {
                SourcePos p = e.pos();
                diagnostics.add(new CompileDiagnostic(true, syntaxCode(e.getMessage()), p.file(), p.line(), p.column(),
                        e.rule(), e.getMessage()));
            } else if (item instanceof Import i) {
                addImport(i);
            } else {
                addRule((RuleDecl) item);
            }
        }
    }

    private static ErrorCode syntaxCode(String message) {
        if (message.startsWith("duplicated tag")) return ErrorCode.DUPLICATED_TAG_IDENTIFIER;
        if (message.startsWith("duplicated modifier")) return ErrorCode.DUPLICATED_MODIFIER;
        if (message.startsWith("integer overflow")) return ErrorCode.INTEGER_OVERFLOW;
        if (message.startsWith("includes circular")) return ErrorCode.INCLUDES_CIRCULAR_REFERENCE;
        if (message.startsWith("includes depth")) return ErrorCode.INCLUDE_DEPTH_EXCEEDED;
        if (message.startsWith("can't open include")) return ErrorCode.COULD_NOT_OPEN_FILE;
        if (message.contains("xor") || message.contains("alphabet")) return ErrorCode.INVALID_MODIFIER;
        return ErrorCode.SYNTAX_ERROR;
    }

    private void addImport(Import i) {
        Module module = Modules.get(i.module());
        if (module == null) {
            diagnostics.add(new CompileDiagnostic(true, ErrorCode.UNKNOWN_MODULE, i.pos().file(), i.pos().line(),
                    i.pos().column(), null, "unknown module \"" + i.module() + "\""));
            return;
        }
        namespaceIndex(i.namespace());
        imports.computeIfAbsent(i.namespace(), k -> new HashSet<>()).add(i.module());
        moduleSlots.computeIfAbsent(i.module(), k -> moduleSlots.size());
    }

    private int namespaceIndex(String namespace) {
        int i = namespaces.indexOf(namespace);
        if (i >= 0) return i;
        namespaces.add(namespace);
        return namespaces.size() - 1;
    }

    private void addRule(RuleDecl decl) {
        String ns = decl.namespace();
        int nsIndex = namespaceIndex(ns);
        Map<String, Integer> names = ruleNames.computeIfAbsent(ns, k -> new LinkedHashMap<>());
        List<CompiledString> ruleStrings = new ArrayList<>();
        List<CompiledString> visible = new ArrayList<>();
        try {
            if (names.containsKey(decl.name()) || externals.containsKey(decl.name())) {
                throw new CompileError(ErrorCode.DUPLICATED_IDENTIFIER, "duplicated identifier \"" + decl.name() + "\"",
                        decl.pos());
            }
            int ruleIndex = nextRuleIndex++;
            names.put(decl.name(), ruleIndex);
            if (decl.strings().size() > MAX_STRINGS_PER_RULE) {
                throw new CompileError(ErrorCode.TOO_MANY_STRINGS, "too many strings in rule \"" + decl.name()
                        + "\" (limit: " + MAX_STRINGS_PER_RULE + ")", decl.pos());
            }
            Set<String> seen = new HashSet<>();
            for (StringDecl s : decl.strings()) {
                if (!s.isAnonymous() && !seen.add(s.id())) {
                    throw new CompileError(ErrorCode.DUPLICATED_STRING_IDENTIFIER,
                            "duplicated string identifier \"" + s.id() + "\"", s.pos());
                }
                int first = strings.size() + ruleStrings.size();
                StringCompiler.Warnings warnings = (code, message) -> warn(code, message, decl, s.pos());
                PreparedStrings ahead = prepared.get(s);
                List<CompiledString> parts = recorded != null ? recorded.next(s, first, ruleIndex)
                        : ahead != null ? ahead.instantiate(first, ruleIndex, warnings)
                        : StringCompiler.compile(s, first, ruleIndex, warnings);
                ruleStrings.addAll(parts);
                visible.add(parts.get(0));
            }
            ConditionCompiler conditions = new ConditionCompiler(scope(ns, visible, ruleIndex),
                    (code, message) -> warn(code, message, decl, decl.condition().pos()));
            Node condition = conditions.condition(decl.condition());
            for (CompiledString s : visible) {
                if (!s.referenced) {
                    throw new CompileError(ErrorCode.UNREFERENCED_STRING, "unreferenced string \"" + s.identifier + "\"",
                            decl.strings().get(visible.indexOf(s)).pos());
                }
            }
            List<CompiledRule.Metadata> metas = new ArrayList<>();
            for (Meta m : decl.metas()) metas.add(new CompiledRule.Metadata(m.name(), m.value()));
            strings.addAll(ruleStrings);
            rules.add(new CompiledRule(ruleIndex, ns, nsIndex, decl.name(), decl.isPrivate(), decl.isGlobal(),
                    List.copyOf(decl.tags()), List.copyOf(metas), List.copyOf(visible), condition,
                    condition.requiredStrings(), List.copyOf(new java.util.LinkedHashSet<>(conditions.unimplementedFields))));
        } catch (CompileError e) {
            SourcePos p = e.pos();
            diagnostics.add(new CompileDiagnostic(true, e.code(), p.file(), p.line(), p.column(), decl.name(),
                    e.getMessage()));
        }
    }

    private void warn(ErrorCode code, String message, RuleDecl rule, SourcePos pos) {
        diagnostics.add(new CompileDiagnostic(false, code, pos.file(), pos.line(), pos.column(), rule.name(), message));
    }

    private Scope scope(String ns, List<CompiledString> visible, int currentRule) {
        Map<String, Integer> names = ruleNames.get(ns);
        return new Scope() {
            @Override
            public List<CompiledString> strings() {
                return visible;
            }

            @Override
            public int rule(String name) {
                Integer r = names.get(name);
                return r == null || r == currentRule ? -1 : r;
            }

            @Override
            public List<Integer> rulesWithPrefix(String prefix) {
                List<Integer> out = new ArrayList<>();
                for (Map.Entry<String, Integer> e : names.entrySet()) {
                    if (e.getKey().startsWith(prefix) && e.getValue() != currentRule) out.add(e.getValue());
                }
                return out;
            }

            @Override
            public External external(String name) {
                return externals.get(name);
            }

            @Override
            public ImportedModule module(String name) {
                Set<String> imported = imports.get(ns);
                if (imported == null || !imported.contains(name)) return null;
                return new ImportedModule(moduleSlots.get(name), name, Modules.get(name).declarations());
            }
        };
    }

    public List<CompileDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** When replaying recorded strings: whether every record was used (else the file does not match). */
    public boolean recordsExhausted() {
        return recorded == null || recorded.exhausted();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(CompileDiagnostic::error);
    }

    /** The compiled rules, in declaration order (rule {@code i} has index {@code i}). */
    public List<CompiledRule> rules() {
        return rules;
    }

    /** Every string and chain part, by index. */
    public List<CompiledString> strings() {
        return strings;
    }

    public List<String> namespaces() {
        return namespaces;
    }

    /** Imported module names, by slot. */
    public List<String> modules() {
        return List.copyOf(moduleSlots.keySet());
    }

    /** External variables: name to slot, type and default value. */
    public Map<String, Scope.External> externals() {
        return externals;
    }
}
