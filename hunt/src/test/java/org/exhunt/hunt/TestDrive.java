package org.exhunt.hunt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.exhunt.testkit.pe.PeImage;

/** Writes a server drive for a test: Exchange files at the default install path, IIS configuration, anything. */
public final class TestDrive {

    public static final String INSTALL = "Program Files/Microsoft/Exchange Server/V15/";
    public static final String APPLICATION_HOST = "Windows/System32/inetsrv/config/applicationHost.config";
    public static final String SITE_WEB_CONFIG = "inetpub/wwwroot/web.config";

    private final Path root;

    public TestDrive(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public TestDrive write(String drivePath, byte[] content) throws IOException {
        Path p = root.resolve(drivePath);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return this;
    }

    public TestDrive write(String drivePath, String content) throws IOException {
        return write(drivePath, content.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code Bin\ExSetup.exe} with this file version. */
    public TestDrive exSetup(int major, int minor, int build, int revision) throws IOException {
        return write(INSTALL + "Bin/ExSetup.exe", PeImage.exSetup(major, minor, build, revision).bytes());
    }

    /** A file in an OWA version folder ({@code FrontEnd\HttpProxy\owa\auth\<version>\}). */
    public TestDrive owaFolder(String version) throws IOException {
        return write(INSTALL + "FrontEnd/HttpProxy/owa/auth/" + version + "/themes/resources/logon.css", "body{}");
    }

    /** A test resource of the caller's package, e.g. an IIS configuration fixture. */
    public TestDrive resource(String drivePath, Class<?> near, String name) throws IOException {
        try (InputStream in = near.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + name + " near " + near.getName());
            return write(drivePath, in.readAllBytes());
        }
    }
}
