package org.exhunt.kb;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which CVEs each build of the table has fixed: the SU-per-CU logic of HealthChecker's
 * {@code Test-ExchangeBuildGreaterOrEqualThanSecurityPatch}, as EXCHANGE.md §f describes it.
 *
 * <p>Exchange ships cumulative updates (CUs); security updates (SUs) are released for the latest CUs only,
 * each with its own build number within its CU ({@code 15.1.2176.2} is 2016 CU19, {@code 15.1.2176.9} is CU19
 * with the March 2021 SU). So a build number says nothing by itself: {@code 15.1.2176.9} is patched for
 * ProxyLogon, {@code 15.1.2176.2} is not, and 2016 CU20 ({@code 15.1.2242.4}) is, without any SU. A build
 * contains the fix of CVE {@code c} when:
 * <ol>
 *   <li>its own update is one of those that first fixed {@code c} ({@code security-updates.csv}, by KB);</li>
 *   <li>or an earlier build of its CU has it: SUs are cumulative within their CU. The exception are the
 *       March 2021 SUs for out-of-support CUs ({@code updates-without-rollup.csv}), which carry only their own
 *       fixes and those of the CU itself. For those, a fix from an earlier SU of the CU is neither there nor
 *       absent: it depends on whether that SU was installed before, which the build cannot show
 *       (answered UNKNOWN);</li>
 *   <li>or its CU comes after the CU of the highest build, within the same major version ({@code 15.1}),
 *       whose update first fixed {@code c}. SUs go to the newest CUs, so the highest such build sits on the
 *       newest CU of the day, and a CU numbered after it was built after the fix and contains it (2016 CU20,
 *       after CU19 Mar21SU, has the ProxyLogon fixes). Older CUs with higher numbers than some March 2021
 *       out-of-support update do not count: only the highest fixing build does.</li>
 * </ol>
 * Whether a product is affected at all is a separate question ({@link Vulnerability#affects}).
 */
final class FixIndex {

    private final Map<BuildNumber, Set<String>> fixed = new HashMap<>();
    /** For builds of updates without rollup: CVE → the earlier build of the CU whose fix may be missing. */
    private final Map<BuildNumber, Map<String, Build>> undecided = new HashMap<>();

    /** @param builds the table, in build-number order */
    FixIndex(List<Build> builds, Map<String, SecurityUpdate> updatesByKb, Set<BuildNumber> withoutRollup) {
        Map<String, Map<String, BuildNumber>> highestFix = highestFixingBuilds(builds, updatesByKb);
        Map<BuildNumber, Set<String>> baseOfCu = new HashMap<>();
        Map<BuildNumber, Map<String, Build>> cuSoFar = new HashMap<>(); // CU → CVE → first build of the CU with it
        for (Build b : builds) {
            BuildNumber cu = b.number().cu();
            Set<String> has = new HashSet<>(own(b, updatesByKb));
            highestFix.getOrDefault(b.number().majorMinor(), Map.of()).forEach((cve, top) -> {
                if (cu.compareTo(top.cu()) > 0) has.add(cve);
            });
            Map<String, Build> earlier = cuSoFar.computeIfAbsent(cu, k -> new LinkedHashMap<>());
            if (!baseOfCu.containsKey(cu)) {
                baseOfCu.put(cu, Set.copyOf(has));
            } else if (withoutRollup.contains(b.number())) {
                has.addAll(baseOfCu.get(cu));
                Map<String, Build> open = new LinkedHashMap<>();
                earlier.forEach((cve, first) -> {
                    if (!has.contains(cve)) open.put(cve, first);
                });
                if (!open.isEmpty()) undecided.put(b.number(), open);
            } else {
                has.addAll(earlier.keySet());
            }
            for (String cve : has) earlier.putIfAbsent(cve, b);
            fixed.put(b.number(), Set.copyOf(has));
        }
    }

    private static Set<String> own(Build b, Map<String, SecurityUpdate> updatesByKb) {
        SecurityUpdate u = updatesByKb.get(b.kb());
        return u == null ? Set.of() : u.fixes();
    }

    /** major.minor → CVE → the highest build of that major version whose own update fixed the CVE. */
    private static Map<String, Map<String, BuildNumber>> highestFixingBuilds(List<Build> builds,
                                                                           Map<String, SecurityUpdate> updatesByKb) {
        Map<String, Map<String, BuildNumber>> top = new HashMap<>();
        for (Build b : builds) {
            for (String cve : own(b, updatesByKb)) {
                top.computeIfAbsent(b.number().majorMinor(), k -> new HashMap<>())
                        .merge(cve, b.number(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
            }
        }
        return top;
    }

    /** The CVEs a build of the table has fixed. */
    Set<String> fixed(BuildNumber tableBuild) {
        Set<String> s = fixed.get(tableBuild);
        if (s == null) throw new IllegalArgumentException("not a build of the table: " + tableBuild);
        return s;
    }

    /** For a build of an update without rollup: the earlier build of its CU with a fix it may lack, if any. */
    Build undecidedBecause(BuildNumber tableBuild, String cve) {
        return undecided.getOrDefault(tableBuild, Map.of()).get(cve);
    }
}
