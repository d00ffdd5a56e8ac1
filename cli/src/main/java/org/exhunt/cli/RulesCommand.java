package org.exhunt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code exhunt rules}: commands about rule sets: {@code check} and {@code compile}. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        header = "Check rule sets (which rules load, which do not and why) and compile them for faster loading.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {RulesCheckCommand.class, RulesCompileCommand.class})
final class RulesCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without {@code check} or {@code compile}: the usage, on standard error. */
    @Override
    public Integer call() {
        return Main.usageWithoutCommand(spec.commandLine());
    }
}
