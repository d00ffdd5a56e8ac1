package org.exhunt.hunt;

import java.nio.file.Path;
import java.util.List;
import org.exhunt.hunt.scope.Allowlist;
import org.exhunt.hunt.scope.PathGlob;
import org.exhunt.hunt.scope.TimeWindow;

/**
 * How a hunt runs, the same for every server of a run.
 *
 * @param installPath the Exchange install path on the server's drive, or null to discover it
 * @param excludes    paths left out of the scan (reported as such)
 * @param window      the span of log evidence looked at
 * @param allowlist   findings the site accepts (suppressed and counted)
 * @param threads     files examined in parallel
 * @param collectDir  where to copy the files findings point to, or null
 * @param progress    told how the scan advances
 * @param recoverSlack also read the records event logs hold besides those they list (EVTX chunk slack)
 */
public record HuntOptions(String installPath, List<PathGlob> excludes, TimeWindow window, Allowlist allowlist,
                          int threads, Path collectDir, ScanProgress progress, boolean recoverSlack) {

    public HuntOptions {
        excludes = List.copyOf(excludes);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }

    /** Reading only the records logs list. */
    public HuntOptions(String installPath, List<PathGlob> excludes, TimeWindow window, Allowlist allowlist,
                       int threads, Path collectDir, ScanProgress progress) {
        this(installPath, excludes, window, allowlist, threads, collectDir, progress, false);
    }

    /** The same options, telling {@code other} how the scan advances. */
    public HuntOptions withProgress(ScanProgress other) {
        return new HuntOptions(installPath, excludes, window, allowlist, threads, collectDir, other, recoverSlack);
    }

    /** Discover everything, look at everything, on all cores, silently. */
    public static HuntOptions defaults() {
        return new HuntOptions(null, List.of(), TimeWindow.ALL, Allowlist.NONE,
                Runtime.getRuntime().availableProcessors(), null, ScanProgress.SILENT);
    }
}
