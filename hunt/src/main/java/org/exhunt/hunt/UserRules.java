package org.exhunt.hunt;

import java.nio.file.Path;
import java.util.List;

/**
 * Rules the user adds to the rule pack for a run: YARA files or folders ({@code --yara}, e.g. signature-base),
 * Sigma files or folders ({@code --sigma}, e.g. SigmaHQ), indicator lists ({@code --ioc}).
 */
public record UserRules(List<Path> yara, List<Path> sigma, List<Path> ioc) {

    public static final UserRules NONE = new UserRules(List.of(), List.of(), List.of());

    public UserRules {
        yara = List.copyOf(yara);
        sigma = List.copyOf(sigma);
        ioc = List.copyOf(ioc);
    }
}
