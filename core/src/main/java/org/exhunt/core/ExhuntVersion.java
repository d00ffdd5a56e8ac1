package org.exhunt.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build of exhunt, as Maven wrote it into the core jar: the CLI and the Spark job name it alike. */
public final class ExhuntVersion {

    private ExhuntVersion() {}

    public static String get() {
        try (InputStream in = ExhuntVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("version.properties missing from the build", e);
        }
    }
}
