package org.exhunt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.exhunt.kb.BuildAssessment;
import org.exhunt.kb.BuildNumber;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.kb.MalformedBuildNumberException;
import org.exhunt.kb.RowExposure;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.report.JsonTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exhunt build}: what a build is, what it misses, what to install. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        header = "What an Exchange build is, which attack chains it is exposed to, and what to install.",
        description = "VERSION is a build number as Exchange shows it: 15.1.2176.2, 15.01.2176.002 (ExSetup.exe,"
                + " Microsoft's tables), or 15.1.2176 when only the CU is known (OWA's version folders).",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.USAGE_MEANING, ExitCodes.INTERNAL_MEANING, ExitCodes.EXPOSED_MEANING,
            ExitCodes.INCOMPLETE_MEANING, ExitCodes.OK_MEANING})
final class BuildCommand implements Callable<Integer> {

    enum Format { console, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VERSION", description = "The build number.")
    String version;

    @Option(names = "--format", defaultValue = "console", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws IOException {
        BuildNumber build;
        try {
            build = BuildNumber.parse(version);
        } catch (MalformedBuildNumberException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        KnowledgeBase kb = RulePack.bundled().knowledgeBase();
        BuildAssessment a = kb.assess(build);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) JsonTree.write(out, BuildReport.tree(a));
        else BuildReport.console(out, a);
        out.flush();
        return ExitCodes.ofExposures(a.rows().stream().map(RowExposure::exposure).toList());
    }
}
