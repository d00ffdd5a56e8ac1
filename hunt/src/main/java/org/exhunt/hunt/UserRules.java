package org.exhunt.hunt;

import java.nio.file.Path;
import java.util.List;
import org.exhunt.sigma.CompiledRules;

/**
 * Rules the user adds to the rule pack for a run: YARA files or folders ({@code --yara}, e.g. signature-base),
 * Sigma files or folders ({@code --sigma}, e.g. SigmaHQ), Sigma filter documents that tune the pack's and the
 * user's Sigma rules ({@code --filters}), indicator lists ({@code --ioc}); and compiled rules that hold the Sigma
 * files' rules ({@code --compiled-rules}, or null), which only makes loading them faster.
 */
public record UserRules(List<Path> yara, List<Path> sigma, List<Path> sigmaFilters, List<Path> ioc, CompiledRules sigmaCompiled) {

    public static final UserRules NONE = new UserRules(List.of(), List.of(), List.of(), List.of());

    public UserRules {
        yara = List.copyOf(yara);
        sigma = List.copyOf(sigma);
        sigmaFilters = List.copyOf(sigmaFilters);
        ioc = List.copyOf(ioc);
    }

    /** Without compiled rules. */
    public UserRules(List<Path> yara, List<Path> sigma, List<Path> sigmaFilters, List<Path> ioc) {
        this(yara, sigma, sigmaFilters, ioc, null);
    }

    /** Without filter documents. */
    public UserRules(List<Path> yara, List<Path> sigma, List<Path> ioc) {
        this(yara, sigma, List.of(), ioc);
    }
}
