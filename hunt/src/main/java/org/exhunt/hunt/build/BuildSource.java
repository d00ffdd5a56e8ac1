package org.exhunt.hunt.build;

/** Where a build number was seen, from the most to the least authoritative. */
public enum BuildSource {
    /** The file version of {@code <install>\Bin\ExSetup.exe}: the full build, SU included (HealthChecker's method). */
    EXSETUP("ExSetup.exe file version"),
    /** {@code #Version} in the header of an Exchange log file: the build that wrote the file. */
    LOG_HEADER("Exchange log header #Version"),
    /** The version columns of HttpProxy log rows ({@code MajorVersion}...{@code RevisionVersion}). */
    HTTPPROXY_LOG("HttpProxy log version columns"),
    /** A version folder under {@code FrontEnd\HttpProxy\owa\auth\}: the CU only; old CUs leave theirs behind. */
    OWA_FOLDER("OWA version folder");

    private final String display;

    BuildSource(String display) {
        this.display = display;
    }

    /** How reports name the source. */
    public String display() {
        return display;
    }
}
