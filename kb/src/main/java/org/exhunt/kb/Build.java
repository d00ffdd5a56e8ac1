package org.exhunt.kb;

import java.util.List;

/**
 * One build of the build table ({@code rules/kb/exchange-builds.csv} and {@code added-builds.csv}): a CU, or a security or hotfix update
 * on a CU, as Microsoft released it.
 *
 * @param product  {@code Exchange Server 2016}
 * @param update   the update as the table names it: {@code CU19 Mar21SU}
 * @param cu       the CU part: {@code CU19} ({@code Update Rollup 32} for Exchange 2010)
 * @param su       the update on that CU: {@code Mar21SU}, or empty for the CU itself
 * @param released release date as the table gives it: {@code 2021-03-02}, or {@code 2021-03} when only the
 *                 month is known
 * @param number   the build number
 * @param kb       the Microsoft KB article, or empty
 * @param notes    the table's notes
 * @param source   where the row comes from (the table's source column)
 * @param fixes    the CVEs (and advisories) the build's own update fixes, as {@code update-fixes.csv} and
 *                 {@code security-updates.csv} list them; empty for a CU and for updates neither lists
 */
public record Build(String product, String update, String cu, String su, String released, BuildNumber number,
                   String kb, String notes, String source, List<String> fixes) {

    public Build {
        fixes = List.copyOf(fixes);
    }

    /** {@code CU19 Mar21SU (15.1.2176.9, KB5000871, 2021-03-02)} */
    public String describe() {
        return update + " (" + number + (kb.isEmpty() ? "" : ", " + kb) + ", " + released + ")";
    }

    /** {@code CU19 Mar21SU (15.1.2176.9)} */
    public String shortName() {
        return update + " (" + number + ")";
    }
}
