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

    /**
     * An IIS log of 2021-03-03 ({@code W3SVC1/u_ex210303.log}) with the default W3C fields, the header on lines 1 to 4:
     * {@code date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer)
     * sc-status sc-substatus sc-win32-status time-taken}.
     */
    public TestDrive iisLog(String... lines) throws IOException {
        return write("inetpub/logs/LogFiles/W3SVC1/u_ex210303.log", String.join("\n",
                "#Software: Microsoft Internet Information Services 10.0",
                "#Version: 1.0",
                "#Date: 2021-03-03 00:00:00",
                "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent)"
                        + " cs(Referer) sc-status sc-substatus sc-win32-status time-taken",
                String.join("\n", lines), ""));
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
