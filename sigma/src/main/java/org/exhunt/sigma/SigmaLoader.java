package org.exhunt.sigma;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.exhunt.core.Diagnostic;
import org.exhunt.sigma.compile.DetectionCompiler;
import org.exhunt.sigma.detection.FieldSlots;
import org.exhunt.sigma.mapping.Mappings;
import org.exhunt.sigma.mapping.RecordSpec;
import org.exhunt.sigma.prefilter.LiteralAutomaton;
import org.exhunt.sigma.detection.Logic;
import org.exhunt.sigma.detection.Matcher;
import org.exhunt.sigma.rule.RuleException;
import org.exhunt.sigma.rule.SigmaCorrelation;
import org.exhunt.sigma.rule.SigmaFilter;
import org.exhunt.sigma.rule.SigmaRule;

/**
 * Reads Sigma rule files and builds a {@link SigmaRules}. Mutable, used by one thread (it reads files on every
 * core itself); {@link #build()} once.
 * A rule that cannot be loaded is reported with its file, line and reason, and the others go on; every rule is
 * checked in full even when no mapping routes it, so {@code rules check} finds all errors.
 */
public final class SigmaLoader {

    public static final String CODE_FILE = "sigma.file";
    public static final String CODE_UNSUPPORTED = "sigma.unsupported";
    public static final String CODE_DUPLICATE = "sigma.duplicate-id";

    private final Mappings mappings;
    private final Placeholders placeholders;
    private final List<SigmaRule> active = new ArrayList<>();
    private final List<InactiveRule> inactive = new ArrayList<>();
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final List<SigmaFilter> filters = new ArrayList<>();
    private final List<SigmaFilter> filtersReportedElsewhere = new ArrayList<>();
    private final List<SigmaCorrelation> correlations = new ArrayList<>();
    private CompiledRules compiled;      // rules kept by an earlier load, or null
    private CompiledRules.Writer kept;   // what loadPath reads, for compiled rules, or null
    private int filesRead;
    private int filesFromCompiled;

    public SigmaLoader(Mappings mappings, Placeholders placeholders) {
        this.mappings = mappings;
        this.placeholders = placeholders;
    }

    /** Takes the rules of the files that {@code compiled} holds unchanged from it, instead of reading their YAML. */
    public void useCompiled(CompiledRules compiled) {
        this.compiled = compiled;
    }

    /** Rule files {@link #loadPath} has read so far, and how many of them it took from compiled rules. */
    public int filesRead() {
        return filesRead;
    }

    public int filesFromCompiled() {
        return filesFromCompiled;
    }

    /** Keeps what {@link #loadPath} reads from here on, to be written as compiled rules. */
    public CompiledRules.Writer keepForCompiling() {
        kept = new CompiledRules.Writer(placeholders);
        return kept;
    }

    /** Adds a problem met while setting the load up (mapping or placeholder files), so that it is reported with the rest. */
    public void report(Diagnostic problem) {
        problems.add(problem);
    }

    /**
     * Loads a rule file or every {@code .yml}/{@code .yaml} file under a folder, in path order. The files are read
     * and checked on every core; what they hold is added in path order, as if one by one.
     */
    public void loadPath(Path path) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                files = s.filter(Files::isRegularFile).filter(SigmaLoader::isYaml).sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        List<RuleFile.Loaded> read = files.parallelStream().map(f -> RuleFile.read(f, placeholders, compiled, kept != null)).toList();
        for (RuleFile.Loaded file : read) {
            add(file.items());
            if (kept != null) kept.add(file);
            filesRead++;
            if (file.compiled()) filesFromCompiled++;
        }
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".yml") || n.endsWith(".yaml");
    }

    /** Loads the rules of one file's text; {@code name} is how messages name the file. */
    public void load(String name, String text) {
        add(RuleFile.parse(name, text, placeholders));
    }

    private void add(List<RuleFile.Item> items) {
        for (RuleFile.Item item : items) {
            if (item instanceof RuleFile.Problem p) {
                problems.add(p.diagnostic());
            } else if (item instanceof RuleFile.Correlation c) {
                correlations.add(c.correlation());
            } else if (item instanceof RuleFile.Filter f) {
                filters.add(f.filter());
            } else if (item instanceof RuleFile.Rule r) {
                if (!ids.add(r.rule().id())) {
                    problems.add(Diagnostic.warning(CODE_DUPLICATE, r.rule().where(), "rule id " + r.rule().id() + " is used by an earlier rule too"));
                }
                if (r.unresolved().isEmpty()) active.add(r.rule());
                else inactive.add(new InactiveRule(r.rule(), r.unresolved()));
            }
        }
    }

    /**
     * Adds filter documents loaded by another loader, which reported their problems: they are applied to the rules
     * of this load they name, and the rules they name that are not here are passed over in silence (a scan compiles
     * the rules that wait for a server's install path apart from the others, with the same filters).
     */
    public void addFilters(List<SigmaFilter> reportedElsewhere) {
        filtersReportedElsewhere.addAll(reportedElsewhere);
    }

    /** Compiles the active rules for every kind of record their log sources select, with filters and correlations. */
    public SigmaRules build() {
        List<Diagnostic> all = new ArrayList<>(problems);
        RuleIndex index = new RuleIndex(active);
        RuleIndex inactiveIndex = new RuleIndex(inactive.stream().map(InactiveRule::rule).toList());
        Map<SigmaRule, List<SigmaFilter>> filtersOf = new java.util.IdentityHashMap<>();
        List<AppliedFilter> applied = new ArrayList<>(Filters.resolve(filters, index, inactiveIndex, all, filtersOf));
        applied.addAll(Filters.resolve(filtersReportedElsewhere, index, inactiveIndex, new ArrayList<>(), filtersOf));
        Correlations.Resolved resolved = Correlations.resolve(correlations, index, inactiveIndex, all);
        return compile(filtersOf, all, applied, resolved);
    }

    private SigmaRules compile(Map<SigmaRule, List<SigmaFilter>> filtersOf, List<Diagnostic> all,
                               List<AppliedFilter> applied, Correlations.Resolved resolved) {
        Map<RecordSpec, List<SigmaRule>> bySpec = new LinkedHashMap<>();
        List<SigmaRule> unrouted = new ArrayList<>();
        for (SigmaRule rule : active) {
            List<RecordSpec> specs = mappings.specsFor(rule.logsource());
            if (specs.isEmpty()) unrouted.add(rule);
            for (RecordSpec spec : specs) bySpec.computeIfAbsent(spec, k -> new ArrayList<>()).add(rule);
        }
        Map<SigmaRule, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < active.size(); i++) index.put(active.get(i), i);
        // routes that state the same literals (one log source read from two kinds of record) share one automaton
        Map<List<String>, LiteralAutomaton> automata = new ConcurrentHashMap<>();
        Function<List<String>, LiteralAutomaton> automaton = literals -> automata.computeIfAbsent(literals, LiteralAutomaton::of);
        List<LazyRoute> routes = new ArrayList<>();
        bySpec.forEach((spec, rules) -> routes.add(new LazyRoute(spec,
                () -> compileRoute(spec, rules, filtersOf, index, placeholders, automaton))));
        return new SigmaRules(active, unrouted, inactive, all, routes, applied, resolved);
    }

    /** The rules of one kind of record, compiled against its fields, with the filters that name them. */
    private static Route compileRoute(RecordSpec spec, List<SigmaRule> rules, Map<SigmaRule, List<SigmaFilter>> filtersOf,
                                      Map<SigmaRule, Integer> index, Placeholders placeholders,
                                      Function<List<String>, LiteralAutomaton> automaton) {
        FieldSlots slots = new FieldSlots(spec);
        List<CompiledRule> compiled = new ArrayList<>();
        // a filter naming several rules is compiled once per route: matchers keep no state of their own
        Map<SigmaFilter, DetectionCompiler.Result> compiledFilters = new java.util.IdentityHashMap<>();
        boolean keywords = false;
        for (SigmaRule rule : rules) {
            try {
                DetectionCompiler.Result r = DetectionCompiler.compile(rule, slots, placeholders);
                List<Matcher> terms = new ArrayList<>(List.of(r.matcher()));
                for (SigmaFilter f : filtersOf.getOrDefault(rule, List.of())) {
                    DetectionCompiler.Result fr = compiledFilters.get(f);
                    if (fr == null) {
                        fr = DetectionCompiler.compile(f.detection(), slots, placeholders);
                        compiledFilters.put(f, fr);
                    }
                    terms.add(Logic.not(fr.matcher()));
                    keywords |= fr.keywords();
                }
                compiled.add(new CompiledRule(rule, index.get(rule), Logic.all(terms)));
                keywords |= r.keywords();
            } catch (RuleException e) {
                // compiled once already against plain field names; a mapping cannot make it fail
                throw new IllegalStateException("rule " + rule + " failed to compile for " + spec.name(), e);
            }
        }
        return new Route(spec, slots, compiled, keywords, automaton);
    }
}
