package org.exhunt.yara;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.syntax.IncludeResolver;

/**
 * What compiled rules were made from: external variables with their values, the sources in order with
 * their namespaces, and the files their {@code include}s read (by including file and path as written), so
 * that a compiled-rules file can compile the same rules again without the file system.
 */
record Recipe(Map<String, Object> externals, List<Source> sources, Map<String, IncludeResolver.Source> includes) {

    /** One source as added: its bytes, the name positions carry, its namespace. */
    record Source(byte[] content, String name, String namespace) {}

    static String includeKey(String path, String includingFile) {
        return includingFile + "\u0000" + path;
    }

    Recipe {
        externals = new LinkedHashMap<>(externals);
        sources = List.copyOf(sources);
        includes = new LinkedHashMap<>(includes);
    }
}
