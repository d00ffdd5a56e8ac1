package org.exhunt.hunt.detect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.SigmaSummary;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.sigma.AppliedFilter;
import org.exhunt.sigma.InactiveRule;
import org.exhunt.sigma.Placeholders;
import org.exhunt.sigma.CompiledRules;
import org.exhunt.sigma.SigmaLoader;
import org.exhunt.sigma.SigmaRules;
import org.exhunt.sigma.mapping.Mappings;
import org.exhunt.sigma.rule.SigmaFilter;

/**
 * The Sigma rules of a hunt, compiled once: the rule pack's {@code sigma/} rules and the user's
 * ({@code --sigma}, e.g. SigmaHQ), routed by the pack's {@code mappings/}, with the user's filter documents
 * ({@code --filters}). Rules that need the server's own
 * Exchange install path ({@code %ExchangeInstallPath%}) are compiled again for each server, with its path,
 * by {@link #forServer}.
 */
public final class SigmaHunt {

    /** The placeholder exhunt fills per server: the install path in Windows form, ending with a backslash. */
    public static final String INSTALL_PATH = "ExchangeInstallPath";

    private final Mappings mappings;
    private final SigmaRules rules;
    private final Map<String, String> perServerFiles;   // pack files holding rules that wait for the install path
    private final List<SigmaFilter> filters;            // the user's, for those rules too
    private final ChainAttribution attribution;
    private final int inactive;                         // rules waiting for placeholder values no one gives

    private SigmaHunt(Mappings mappings, SigmaRules rules, Map<String, String> perServerFiles,
                      ChainAttribution attribution, int inactive) {
        this.mappings = mappings;
        this.rules = rules;
        this.perServerFiles = perServerFiles;
        this.filters = rules.filters().stream().map(AppliedFilter::filter).toList();
        this.attribution = attribution;
        this.inactive = inactive;
    }

    /**
     * Loads the pack's mappings and rules, the user's rules and the user's filter documents (applied to the pack's
     * rules and the user's alike); every problem goes to {@code problems}.
     */
    public static SigmaHunt load(RulePack pack, List<Path> userRules, List<Path> userFilters, ChainAttribution attribution,
                                 Consumer<Diagnostic> problems) {
        return load(pack, userRules, userFilters, null, attribution, problems);
    }

    /** The same, taking the rules of the user's files that {@code compiled} holds unchanged from it (when not null). */
    public static SigmaHunt load(RulePack pack, List<Path> userRules, List<Path> userFilters, CompiledRules compiled,
                                 ChainAttribution attribution, Consumer<Diagnostic> problems) {
        Mappings mappings = mappings(pack, problems);
        SigmaLoader loader = new SigmaLoader(mappings, Placeholders.none());
        if (compiled != null) loader.useCompiled(compiled);
        Map<String, String> packFiles = new LinkedHashMap<>();
        for (String file : pack.list("sigma/")) {
            if (file.endsWith(".yml") || file.endsWith(".yaml")) {
                String text = pack.text(file);
                packFiles.put("rules/" + file, text);
                loader.load("rules/" + file, text);
            }
        }
        List<Path> userFiles = new ArrayList<>(userRules);
        userFiles.addAll(userFilters);
        for (Path p : userFiles) {
            try {
                loader.loadPath(p);
            } catch (IOException e) {
                problems.accept(Diagnostic.error("sigma.unreadable", SourceRef.file(p.toString()), "cannot read: " + e));
            }
        }
        SigmaRules rules = loader.build();
        rules.problems().forEach(problems);

        Map<String, String> perServer = new LinkedHashMap<>();
        int waitingForSite = 0;
        for (InactiveRule r : rules.inactive()) {
            String file = r.rule().where().file();
            if (packFiles.containsKey(file) && r.placeholders().equals(List.of(INSTALL_PATH))) {
                perServer.put(file, packFiles.get(file));
            } else {
                waitingForSite++;
            }
        }
        return new SigmaHunt(mappings, rules, perServer, attribution, waitingForSite);
    }

    /** The rule pack's log-source mappings; a problem in them is reported like a rule that did not load. */
    public static Mappings mappings(RulePack pack, Consumer<Diagnostic> problems) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : pack.list("mappings/")) {
            if (path.endsWith(".yml") || path.endsWith(".yaml")) files.put("rules/" + path, pack.text(path));
        }
        return Mappings.parse(files, problems::accept);
    }

    /** The filter documents that loaded, from {@code --filters} or among the rules (one that did not is a problem). */
    public List<SigmaFilter> filters() {
        return filters;
    }

    /**
     * What ran on one server: how many rules, and which of the pack's rule files did not run because they need the
     * install path and none was found.
     *
     * @param installPath as given to {@link #forServer}
     * @param fileRecords what the rules on file records saw, or null when none runs
     */
    public SigmaSummary summary(String installPath, SigmaSummary.FileRecords fileRecords) {
        int correlations = rules.correlations().size();
        List<String> notRun = installPath == null ? List.copyOf(new TreeSet<>(perServerFiles.keySet())) : List.of();
        return new SigmaSummary(rules.loaded().size() + rules.inactive().size() + correlations, correlations,
                rules.unrouted().size(), inactive, notRun, fileRecords);
    }

    /**
     * The detector for one server: the shared rules, plus those needing the install path compiled with it.
     *
     * @param installPath the install path in Windows form ({@code C:\Program Files\...\V15\}), or null when
     *                    none was found (those rules then do not run, and {@link #summary} says so)
     */
    public SigmaDetector forServer(String installPath, Consumer<Diagnostic> problems) {
        SigmaRules own = null;
        if (!perServerFiles.isEmpty()) {
            if (installPath != null) {
                SigmaLoader loader = new SigmaLoader(mappings,
                        Placeholders.of(Map.of(INSTALL_PATH, List.of(installPath))));
                perServerFiles.forEach(loader::load);
                loader.addFilters(filters);
                own = loader.build();
                own.problems().forEach(problems);
            }
        }
        return new SigmaDetector(rules, own, attribution);
    }
}
