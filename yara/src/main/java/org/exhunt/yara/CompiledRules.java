package org.exhunt.yara;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.exhunt.yara.compile.CompiledRule;
import org.exhunt.yara.compile.CompiledString;
import org.exhunt.yara.compile.RuleCompiler;
import org.exhunt.yara.scan.Automaton;
import org.exhunt.yara.scan.ScanEngine;

/**
 * Compiled rules: immutable and shareable between threads; each thread scans with its own {@link Scanner}.
 */
public final class CompiledRules {

    final List<CompiledRule> rules;
    final List<CompiledString> strings;
    final ScanEngine engine;
    final List<String> namespaces;
    /** External variables: name to slot, and the default values by slot. */
    final Map<String, Integer> externalSlots;
    final Object[] externalDefaults;
    final Automaton automaton;
    final Recipe recipe;
    /** For each string, the string whose search finds its matches (itself, or an equal earlier one). */
    final int[] searchedAs;
    /**
     * Each non-private rule's outcome when it does not match, by rule index, made when first asked for: most
     * rules never match, and making them all up front was a tenth of compiling signature-base.
     */
    private final AtomicReferenceArray<RuleMatch> unmatched;
    /** The rules that read PE fields not implemented yet (on PE files, their verdict may differ from yara's). */
    final List<CompiledRule> rulesReadingPe;
    /** How deeply the deepest condition's evaluation recurses (its {@link org.exhunt.yara.condition.Node#depth}). */
    final int deepestCondition;

    private CompiledRules(List<CompiledRule> rules, List<CompiledString> strings, int[] searchedAs, Automaton automaton,
            List<String> namespaces, List<String> modules, Map<String, Integer> externalSlots, Object[] defaults,
            Recipe recipe) {
        this.rules = rules;
        this.strings = strings;
        this.searchedAs = searchedAs;
        this.automaton = automaton;
        this.recipe = recipe;
        this.namespaces = namespaces;
        this.externalSlots = externalSlots;
        this.externalDefaults = defaults;
        this.engine = new ScanEngine(automaton, rules, modules, namespaces.size(), searchedAs);
        this.unmatched = new AtomicReferenceArray<>(rules.size());
        List<CompiledRule> readingPe = new ArrayList<>();
        for (CompiledRule r : rules) {
            if (!r.unimplementedModuleFields().isEmpty()) readingPe.add(r);
        }
        this.rulesReadingPe = List.copyOf(readingPe);
        this.deepestCondition = rules.stream().mapToInt(r -> r.condition().depth).max().orElse(0);
    }

    /** Rule {@code index}'s outcome when it does not match; null for a private rule. */
    RuleMatch unmatched(int index) {
        RuleMatch m = unmatched.get(index);
        if (m != null) return m;
        CompiledRule r = rules.get(index);
        if (r.isPrivate()) return null;
        // Threads racing here make equal values; keeping either is fine.
        m = new RuleMatch(false, r.namespace(), r.name(), r.tags(), metas(r), List.of());
        unmatched.set(index, m);
        return m;
    }

    private static List<RuleMatch.Meta> metas(CompiledRule rule) {
        List<RuleMatch.Meta> out = new ArrayList<>();
        for (CompiledRule.Metadata m : rule.metas()) {
            if (m.value() instanceof byte[] b) {
                out.add(new RuleMatch.Meta(m.name(), new String(b, StandardCharsets.UTF_8), b));
            } else {
                out.add(new RuleMatch.Meta(m.name(), m.value(), null));
            }
        }
        return List.copyOf(out);
    }

    /** The rules {@code c} compiled from {@code recipe}, with their automaton when already built (else null). */
    static CompiledRules of(RuleCompiler c, Recipe recipe, Automaton automaton) {
        List<CompiledRule> rules = List.copyOf(c.rules());
        List<CompiledString> strings = List.copyOf(c.strings());
        Map<String, Integer> slots = new java.util.LinkedHashMap<>();
        Object[] defaults = new Object[c.externals().size()];
        c.externals().forEach((name, ext) -> {
            slots.put(name, ext.slot());
            defaults[ext.slot()] = ext.value();
        });
        int[] searchedAs = searchedAs(strings);
        return new CompiledRules(rules, strings, searchedAs, automaton != null ? automaton : Automaton.build(strings, searchedAs),
                List.copyOf(c.namespaces()), c.modules(), Map.copyOf(slots), defaults, recipe);
    }

    /** Equal strings (by {@link CompiledString#matchKey}) are searched once, as the first of them. */
    private static int[] searchedAs(List<CompiledString> strings) {
        int[] out = new int[strings.size()];
        Map<Object, Integer> first = new java.util.HashMap<>();
        for (CompiledString s : strings) {
            Object key = s.matchKey();
            out[s.index] = key == null ? s.index : first.computeIfAbsent(key, k -> s.index);
        }
        return out;
    }

    /**
     * Writes these rules as a compiled-rules file (like yarac's), to be read back with {@link #load} in place
     * of compiling the sources again.
     */
    public void save(java.io.OutputStream out) throws java.io.IOException {
        RulesFile.write(this, out);
    }

    /**
     * Reads rules written by {@link #save}. Throws {@link org.exhunt.yara.store.CorruptRulesException} when
     * the file is damaged, of another format version, or not a compiled-rules file.
     */
    public static CompiledRules load(java.io.InputStream in) throws java.io.IOException {
        return RulesFile.read(in);
    }

    /** A new scanner over these rules (cheap; one per thread). */
    public Scanner newScanner() {
        return new Scanner(this);
    }

    /** The number of rules (private ones included). */
    public int ruleCount() {
        return rules.size();
    }

    /** Names of all rules, in order: {@code namespace:name}. */
    public List<String> ruleNames() {
        List<String> out = new ArrayList<>();
        for (CompiledRule r : rules) out.add(r.namespace() + ":" + r.name());
        return out;
    }
}
