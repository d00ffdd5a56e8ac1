package org.exhunt.hunt.build;

/** Where a build number was seen, from the most to the least authoritative. */
public enum BuildSource {
    /** The file version of {@code <install>\Bin\ExSetup.exe}: the full build, SU included (HealthChecker's method). */
    EXSETUP("ExSetup.exe file version"),
    /**
     * What the Exchange logs say about the server that wrote them: {@code #Version} headers, the HttpProxy version
     * columns, ECP's {@code BLD} (read by the log readers' coverage), with when each build was first and last seen.
     */
    LOGS("Exchange logs"),
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
