package org.exhunt.core.facts;

/** Where a build number was seen, from the most to the least authoritative. */
public enum BuildSource {
    /** The file version of {@code <install>\Bin\ExSetup.exe}: the full build, SU included (HealthChecker's method). */
    EXSETUP,
    /**
     * What the Exchange logs say about the server that wrote them: {@code #Version} headers, the HttpProxy version
     * columns, ECP's {@code BLD}, with when each build was first and last seen.
     */
    LOGS,
    /** A version folder under {@code FrontEnd\HttpProxy\owa\auth\}: the CU only; old CUs leave theirs behind. */
    OWA_FOLDER,
    /** What a server shows over HTTP to a probe: a version header, the OWA page's asset folders (CU only). */
    HTTP
}
