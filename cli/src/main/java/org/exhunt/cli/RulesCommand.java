package org.exhunt.cli;

import picocli.CommandLine.Command;

/** {@code exhunt rules}: commands about rule sets: {@code check} and {@code compile}. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        header = "Check rule sets (which rules load, which do not and why) and compile them for faster loading.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {RulesCheckCommand.class, RulesCompileCommand.class})
final class RulesCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
