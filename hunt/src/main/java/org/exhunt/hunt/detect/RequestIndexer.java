package org.exhunt.hunt.detect;

import org.exhunt.core.Record;
import org.exhunt.hunt.verdict.WebRequests;

/**
 * Keeps, from IIS records, the requests to script files where web shells are dropped ({@code /aspnet_client/},
 * {@code /owa/auth/}, {@code /ecp/auth/}), so that a shell found on disk can be traced to who first requested it, and
 * its use reported ({@link org.exhunt.hunt.verdict.RequestedFiles}) with the status IIS answered and the log line.
 */
public final class RequestIndexer {

    private static final String[] PREFIXES = {"/aspnet_client/", "/owa/auth/", "/ecp/auth/"};
    private static final String[] SCRIPTS = {".aspx", ".ashx", ".asmx"};

    private final WebRequests requests;

    public RequestIndexer(WebRequests requests) {
        this.requests = requests;
    }

    public void observe(Record r) {
        if (!"iis".equals(r.type())) return;
        String stem = r.field("cs-uri-stem");
        if (stem == null || !worthFollowing(stem)) return;
        requests.add(stem, r.time(), r.field("c-ip"), r.field("sc-status"), r.source());
    }

    /** Case ignored, without lower-casing every stem of the log: this runs on every IIS record. */
    private static boolean worthFollowing(String stem) {
        boolean underPrefix = false;
        for (String p : PREFIXES) underPrefix |= stem.regionMatches(true, 0, p, 0, p.length());
        if (!underPrefix) return false;
        for (String s : SCRIPTS) {
            if (stem.regionMatches(true, stem.length() - s.length(), s, 0, s.length())) return true;
        }
        return false;
    }
}
