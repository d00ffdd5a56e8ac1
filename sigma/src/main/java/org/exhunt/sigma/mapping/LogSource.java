package org.exhunt.sigma.mapping;

import java.util.Locale;

/** A rule's {@code logsource} key: category, product and service, lower-case, each possibly absent (null). */
public record LogSource(String category, String product, String service) {

    public LogSource {
        category = norm(category);
        product = norm(product);
        service = norm(service);
    }

    private static String norm(String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (product != null) s.append("product:").append(product).append(' ');
        if (category != null) s.append("category:").append(category).append(' ');
        if (service != null) s.append("service:").append(service).append(' ');
        return s.length() == 0 ? "(none)" : s.toString().trim();
    }
}
