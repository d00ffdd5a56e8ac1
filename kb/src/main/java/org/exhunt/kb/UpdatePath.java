package org.exhunt.kb;

/**
 * What to install: the latest CU of the product and the latest update on it, as far as the knowledge base
 * knows.
 *
 * @param latestCu     the newest CU (or rollup) of the product
 * @param latestUpdate the newest build of that CU (the CU itself when it has no update)
 * @param upToDate     true when the assessed build is already at or past {@code latestUpdate}
 */
public record UpdatePath(Build latestCu, Build latestUpdate, boolean upToDate) {

    /** One line: {@code CU23 (15.1.2507.6, KB5011155, 2022-04-20), then CU23 Aug26SU (...)}. */
    public String describe() {
        if (upToDate) return "up to date: " + latestUpdate.describe() + " is the latest update known";
        if (latestUpdate.equals(latestCu)) return latestCu.describe();
        return latestCu.describe() + ", then " + latestUpdate.describe();
    }
}
