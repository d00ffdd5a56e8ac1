package org.exhunt.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.exhunt.core.ExhuntVersion;
import org.exhunt.core.RunInfo;
import org.exhunt.hunt.rules.RulePack;
import picocli.CommandLine.IVersionProvider;

/** The versions every output names: exhunt itself, its rule pack and its knowledge base. */
final class Versions implements IVersionProvider {

    static String exhunt() {
        return ExhuntVersion.get();
    }

    /**
     * This build of exhunt, for compiled rules: the version, and the size and time of the jar it runs from (a jar
     * built again is another build, whatever its version says).
     */
    static String build() {
        String version = exhunt();
        try {
            Path jar = Path.of(Versions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar)) return version + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
            // no jar to tell builds apart: the version alone
        }
        return version;
    }

    static RunInfo runInfo(RulePack pack) {
        return new RunInfo(exhunt(), pack.version(), pack.knowledgeBase().version(), Instant.now());
    }

    @Override
    public String[] getVersion() {
        try {
            RulePack pack = RulePack.bundled();
            return new String[] {"exhunt " + exhunt(), "rule pack " + pack.version(),
                "knowledge base " + pack.knowledgeBase().version()};
        } catch (UncheckedIOException e) {
            return new String[] {"exhunt " + exhunt(), "rule pack unreadable: " + e.getMessage()};
        }
    }
}
