package org.exhunt.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.exhunt.report.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code exhunt} command. Only {@link #main} exits the JVM; everything else returns a code. */
@Command(name = "exhunt", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        header = "Exposure and compromise hunting for on-premises Microsoft Exchange.",
        description = "Tells whether an Exchange server is exposed to, or was hit by, ProxyLogon, ProxyShell,"
                + " ProxyNotShell/OWASSRF and the other exploited Exchange CVEs. Offline and read-only on evidence.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.USAGE_MEANING, ExitCodes.INTERNAL_MEANING, ExitCodes.COMPROMISE_MEANING,
            ExitCodes.EXPOSED_MEANING, ExitCodes.INCOMPLETE_MEANING, ExitCodes.OK_MEANING},
        footer = {"%n'exhunt yara' returns yara's own codes: 0 whether or not rules match, 1 on any error.",
            "Each command's --help lists the codes it returns."})
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** The commands, in the order the usage lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> c = new LinkedHashMap<>();
        c.put("scan", ScanCommand::new);
        c.put("build", BuildCommand::new);
        c.put("probe", ProbeCommand::new);
        c.put("dump", DumpCommand::new);
        c.put("yara", YaraCommand::new);
        c.put("sigma", SigmaCommand::new);
        c.put("rules", RulesCommand::new);
        return c;
    }

    /** Runs one command line and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        // Only the command that runs is modelled: picocli reads every option of every command it is given, which
        // was a fifth of the start of `exhunt yara` (run like yara, once per file in some scripts). Without a known
        // command, all are, for the usage and for suggestions.
        boolean named = args.length > 0 && COMMANDS.containsKey(args[0]);
        COMMANDS.forEach((name, command) -> {
            if (!named || name.equals(args[0])) cli.addSubcommand(name, command.get());
        });
        cli.setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler(Main::internalError);
        int code;
        try {
            code = cli.execute(args);
        } catch (VirtualMachineError e) {
            // picocli hands only Exceptions to the handler; an Error left to the JVM would exit with 1, which
            // means "evidence of compromise"
            code = internalError(e, cli, null);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** With no command: the usage, listing the commands, on standard error, as for any usage error. */
    @Override
    public Integer call() {
        return usageWithoutCommand(spec.commandLine());
    }

    /** A command that needs a subcommand and got none ({@code exhunt}, {@code exhunt rules}): its usage on standard error. */
    static int usageWithoutCommand(CommandLine command) {
        command.usage(command.getErr());
        return ExitCodes.USAGE;
    }

    /**
     * A usage error: the message and one line saying where the help is, nothing more, so that the message is what
     * stays on the screen (the whole help after it pushed it out of sight). The message may quote an argument:
     * printable, on one line.
     */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + Printable.visible(message(e).strip().replaceAll("\\s*\\R\\s*", "; ")));
        List<String> suggestions = e instanceof CommandLine.UnmatchedArgumentException u ? u.getSuggestions() : List.of();
        String didYouMean = suggestions.isEmpty() ? ""
                : "Did you mean '" + Printable.visible(suggestions.get(0)) + "'? ";
        err.println(didYouMean + "Try '" + name + " --help' for more information.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    static int internalError(Throwable e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (causedByLackOfMemory(e)) {
            err.println("exhunt: out of memory: give the JVM more heap (EXHUNT_JAVA_OPTS=-Xmx4g for the exhunt"
                    + " launcher, java -Xmx4g -jar for the jar), or scan fewer servers or threads at once (--threads).");
            return ExitCodes.INTERNAL_ERROR;
        }
        // the message may quote the evidence (a file name): printable, as every other output
        err.println("exhunt: internal error: " + Printable.visible(e.toString()));
        err.println("This is a bug in exhunt. Please report it to exhunt's maintainers, with: the command line; the"
                + " output of 'exhunt --version'; the operating system and 'java -version'; and all the lines below."
                + " README.md, 'Reporting a bug', says what else helps.");
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        trace.toString().lines().forEach(line -> err.println(Printable.visible(line)));
        return ExitCodes.INTERNAL_ERROR;
    }

    /** picocli's message, but an unknown command said as such (picocli says "Unmatched argument at index 0"). */
    private static String message(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && e.getCommandLine().getCommandSpec().subcommands().size() > 0
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        return String.valueOf(e.getMessage());
    }

    private static boolean causedByLackOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) return true;
        }
        return false;
    }
}
