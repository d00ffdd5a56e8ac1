package org.exhunt.hunt.detect;

import java.util.Locale;
import org.exhunt.core.Record;
import org.exhunt.hunt.verdict.WebRequests;

/**
 * Keeps, from IIS records, the requests to script files where web shells are dropped ({@code /aspnet_client/},
 * {@code /owa/auth/}, {@code /ecp/auth/}), so that a shell found on disk can be traced to who first requested it.
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
        if (stem == null || !worthFollowing(stem.toLowerCase(Locale.ROOT))) return;
        requests.add(stem, r.time(), r.field("c-ip"));
    }

    private static boolean worthFollowing(String stem) {
        boolean underPrefix = false;
        for (String p : PREFIXES) underPrefix |= stem.startsWith(p);
        if (!underPrefix) return false;
        for (String s : SCRIPTS) {
            if (stem.endsWith(s)) return true;
        }
        return false;
    }
}
