package org.exhunt.yara;

import java.util.List;

/** Compilation failed: the errors (and warnings) say where and why. */
public final class YaraException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<CompileDiagnostic> diagnostics;

    public YaraException(List<CompileDiagnostic> diagnostics) {
        super(summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<CompileDiagnostic> diagnostics() {
        return diagnostics;
    }

    private static String summary(List<CompileDiagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(CompileDiagnostic::error).count();
        String first = diagnostics.stream().filter(CompileDiagnostic::error).findFirst()
                .map(CompileDiagnostic::toString).orElse("");
        return errors + " compile error(s); first: " + first;
    }
}
