package org.exhunt.hunt.ioc.stix;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.exhunt.core.IpRange;
import org.exhunt.hunt.ioc.AddressIndicator;
import org.exhunt.hunt.ioc.FileIndicator;
import org.exhunt.hunt.ioc.IndicatorSource;
import org.exhunt.hunt.ioc.IndicatorValues;
import org.exhunt.hunt.ioc.UrlIndicator;

/**
 * Turns the alternatives of a parsed pattern into exhunt's indicators, one per alternative. What exhunt can
 * match (with {@code =}, and {@code IN} which the parser has already split):
 * <ul>
 *   <li>{@code file}: {@code hashes.'SHA-256'}, {@code hashes.'SHA-1'}, {@code hashes.MD5}, {@code name},
 *       {@code size}, {@code parent_directory_ref.path}, all of one alternative holding for the same file;</li>
 *   <li>{@code ipv4-addr:value}, {@code ipv6-addr:value} (an address or CIDR range; {@code ISSUBSET} too), and
 *       {@code network-traffic:src_ref.value}: the client of a request;</li>
 *   <li>{@code url:value}: a requested URL, by its path.</li>
 * </ul>
 * Anything else makes the whole indicator fail with the position of the comparison exhunt cannot use, so that an
 * indicator is never loaded with a meaning wider or narrower than its author's.
 */
public final class PatternIndicators {

    /** The indicators of one STIX indicator object. */
    public record Converted(List<FileIndicator> files, List<AddressIndicator> addresses, List<UrlIndicator> urls) {}

    private PatternIndicators() {}

    public static Converted convert(List<List<Comparison>> alternatives, IndicatorSource source) throws PatternException {
        List<FileIndicator> files = new ArrayList<>();
        List<AddressIndicator> addresses = new ArrayList<>();
        List<UrlIndicator> urls = new ArrayList<>();
        for (List<Comparison> all : alternatives) {
            Comparison first = all.get(0);
            for (Comparison c : all) {
                if (!c.objectType().equals(first.objectType())) {
                    throw new PatternException(c.position(), "'" + c.objectType() + "' and '" + first.objectType()
                            + "' in one observation joined by AND: exhunt matches one object at a time");
                }
                if (c.negated() || !(c.operator().equals("=") || (c.operator().equals("ISSUBSET") && isAddress(c)))) {
                    throw unsupported(c, "only '=' (and IN) can be matched" + (isAddress(c) ? ", and ISSUBSET for addresses" : ""));
                }
            }
            switch (first.objectType()) {
                case "file" -> files.add(file(all, source));
                case "ipv4-addr", "ipv6-addr", "network-traffic" -> addresses.add(new AddressIndicator(address(all), source));
                case "url" -> urls.add(new UrlIndicator(single(all, "value", "url"), source));
                default -> throw unsupported(first, "exhunt matches file, ipv4-addr, ipv6-addr, network-traffic (client) and url objects");
            }
        }
        return new Converted(files, addresses, urls);
    }

    private static FileIndicator file(List<Comparison> all, IndicatorSource source) throws PatternException {
        String sha256 = null, sha1 = null, md5 = null, name = null, folder = null;
        char drive = 0;
        Long size = null;
        Set<String> seen = new HashSet<>();
        for (Comparison c : all) {
            String property = c.property().toLowerCase(Locale.ROOT);
            if (!seen.add(property)) throw unsupported(c, "'" + c.property() + "' compared twice in one alternative");
            try {
                switch (property) {
                    case "hashes.sha-256", "hashes.sha256" -> sha256 = IndicatorValues.digest(string(c), 64, "SHA-256");
                    case "hashes.sha-1", "hashes.sha1" -> sha1 = IndicatorValues.digest(string(c), 40, "SHA-1");
                    case "hashes.md5" -> md5 = IndicatorValues.digest(string(c), 32, "MD5");
                    case "name" -> name = IndicatorValues.fileName(string(c));
                    case "size" -> size = size(c);
                    case "parent_directory_ref.path" -> {
                        FileIndicator place = IndicatorValues.folder(string(c), source);
                        folder = place.folder();
                        drive = place.drive();
                    }
                    default -> throw unsupported(c, property.startsWith("hashes.")
                            ? "exhunt computes SHA-256, SHA-1 and MD5 only"
                            : "file properties exhunt matches: hashes, name, size, parent_directory_ref.path");
                }
            } catch (IllegalArgumentException e) {
                throw new PatternException(c.position(), e.getMessage());
            }
        }
        if (sha256 == null && sha1 == null && md5 == null && name == null && folder == null) {
            throw new PatternException(all.get(0).position(), "a file size alone names no file");
        }
        return new FileIndicator(sha256, sha1, md5, name, size, folder, drive, false, source);
    }

    private static IpRange address(List<Comparison> all) throws PatternException {
        IpRange range = null;
        for (Comparison c : all) {
            String property = c.property().toLowerCase(Locale.ROOT);
            if (c.objectType().equals("network-traffic")) {
                if (property.equals("src_ref.type")) continue; // implied by the address itself
                if (!property.equals("src_ref.value")) {
                    throw unsupported(c, "of network traffic, exhunt knows the client (src_ref.value) of requests only");
                }
            } else if (!property.equals("value")) {
                throw unsupported(c, "an address is matched by its value");
            }
            if (range != null) throw unsupported(c, "two addresses in one alternative");
            try {
                range = IndicatorValues.address(string(c));
            } catch (IllegalArgumentException e) {
                throw new PatternException(c.position(), e.getMessage());
            }
        }
        if (range == null) throw new PatternException(all.get(0).position(), "no address to match");
        return range;
    }

    private static String single(List<Comparison> all, String property, String type) throws PatternException {
        if (all.size() > 1) throw unsupported(all.get(1), "one " + type + " value per alternative");
        Comparison c = all.get(0);
        if (!c.property().equals(property)) throw unsupported(c, "a " + type + " is matched by its " + property);
        try {
            return IndicatorValues.urlPath(string(c));
        } catch (IllegalArgumentException e) {
            throw new PatternException(c.position(), e.getMessage());
        }
    }

    private static boolean isAddress(Comparison c) {
        return c.objectType().endsWith("-addr") || c.objectType().equals("network-traffic");
    }

    private static String string(Comparison c) throws PatternException {
        Comparison.Literal v = c.values().get(0);
        if (!v.kind().equals("string")) throw new PatternException(c.position(), "expected a string for " + c.property());
        return v.text();
    }

    private static long size(Comparison c) throws PatternException {
        Comparison.Literal v = c.values().get(0);
        if (!v.kind().equals("int") || v.text().startsWith("-")) {
            throw new PatternException(c.position(), "expected a size in bytes, found " + v.text());
        }
        try {
            return Long.parseLong(v.text());
        } catch (NumberFormatException e) {
            throw new PatternException(c.position(), "size out of range: " + v.text());
        }
    }

    private static PatternException unsupported(Comparison c, String why) {
        return new PatternException(c.position(), "exhunt cannot match " + c + ": " + why);
    }
}
