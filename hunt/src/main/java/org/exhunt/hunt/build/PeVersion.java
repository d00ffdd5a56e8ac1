package org.exhunt.hunt.build;

import java.util.List;
import java.util.Map;
import org.exhunt.kb.BuildNumber;

/**
 * The version resource of a PE file.
 *
 * @param fileVersion    the fixed file version ({@code VS_FIXEDFILEINFO}), what Windows shows as the file version
 * @param productVersion the fixed product version
 * @param strings        the first string table ({@code ProductName}, {@code FileVersion}, ...), in file order
 * @param problems       damage found after the fixed version was read (the strings may be incomplete)
 */
public record PeVersion(BuildNumber fileVersion, BuildNumber productVersion, Map<String, String> strings,
                        List<String> problems) {

    public PeVersion {
        strings = Map.copyOf(strings);
        problems = List.copyOf(problems);
    }

    public String string(String key) {
        return strings.get(key);
    }
}
