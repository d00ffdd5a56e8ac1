package org.exhunt.probe.page;

import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.exhunt.kb.BuildNumber;
import org.exhunt.kb.MalformedBuildNumberException;

/**
 * What an OWA page shows (EXCHANGE.md §d, check 1 and 2): the title, the version folders its assets are served
 * from ({@code /owa/auth/15.1.2176/themes/...}: the CU; old CUs' folders can remain), and the
 * {@code X-OWA-Version} header (the full build, SU included).
 *
 * @param title        the page title, cleaned, or empty
 * @param assetBuilds  the build numbers of the asset folders the page links to, lowest first
 * @param owaVersion   the {@code X-OWA-Version} header's build, if present and well-formed
 */
public record OwaPage(String title, TreeSet<BuildNumber> assetBuilds, Optional<BuildNumber> owaVersion) {

    private static final int MAX_VERSIONS = 64;
    private static final String[] ASSET_PREFIXES = {"/owa/auth/", "/owa/"};

    public static OwaPage read(String body, String owaVersionHeader) {
        String lower = body.toLowerCase(Locale.ROOT);
        String title = Scan.between(body, lower, "<title>", "</title>", 0, 512);
        TreeSet<BuildNumber> builds = new TreeSet<>();
        for (String prefix : ASSET_PREFIXES) {
            for (int at = Scan.find(lower, prefix, 0); at >= 0 && builds.size() < MAX_VERSIONS;
                 at = Scan.find(lower, prefix, at + 1)) {
                int start = at + prefix.length();
                int end = start;
                while (end < lower.length() && end - start < 24 && (Character.isDigit(lower.charAt(end)) || lower.charAt(end) == '.')) end++;
                if (end < lower.length() && lower.charAt(end) == '/' && end > start) build(lower.substring(start, end)).ifPresent(builds::add);
            }
        }
        return new OwaPage(title == null ? "" : Scan.clean(title, 200), builds,
                owaVersionHeader == null ? Optional.empty() : build(owaVersionHeader.strip()));
    }

    static Optional<BuildNumber> build(String text) {
        try {
            return Optional.of(BuildNumber.parse(text));
        } catch (MalformedBuildNumberException e) {
            return Optional.empty();
        }
    }

    /** True when the page is Exchange's: an Outlook title, OWA asset folders, or an OWA version header. */
    public boolean isOwa() {
        return title.toLowerCase(Locale.ROOT).contains("outlook") || !assetBuilds.isEmpty() || owaVersion.isPresent();
    }

    /** The CU of the newest asset folder, if any. */
    public Optional<BuildNumber> newestAssetCu() {
        return assetBuilds.isEmpty() ? Optional.empty() : Optional.of(assetBuilds.last().cu());
    }
}
