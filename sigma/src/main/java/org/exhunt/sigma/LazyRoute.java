package org.exhunt.sigma;

import java.util.function.Supplier;
import org.exhunt.sigma.mapping.RecordSpec;

/**
 * A {@link Route} compiled the first time a record it selects arrives, so that a run pays only for the kinds of
 * record it meets (and {@code rules check}, which meets none, for no route at all). Thread-safe: scanners on
 * several threads may ask at once, one compiles.
 */
final class LazyRoute {

    final RecordSpec spec;
    private Supplier<Route> compiler;   // dropped once compiled
    private volatile Route route;

    LazyRoute(RecordSpec spec, Supplier<Route> compiler) {
        this.spec = spec;
        this.compiler = compiler;
    }

    Route get() {
        Route r = route;
        if (r != null) return r;
        synchronized (this) {
            if (route == null) {
                route = compiler.get();
                compiler = null;
            }
            return route;
        }
    }
}
