package org.exhunt.hunt.verdict;

import java.util.Locale;
import java.util.Set;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;

/**
 * What a finding says about an intrusion. Rules state it with a tag {@code exhunt.stage.<name>}; the rule
 * pack's attribution table adds it for third-party rules.
 */
public enum Stage {
    /** An exploit request, with no sign that it worked. */
    ATTEMPT,
    /** A sign that the exploit worked: a file written, a command run, a request answered as the exploit wants. */
    SUCCESS,
    /** What an intruder leaves after getting in: a web shell, a dump, a staged archive, a tool run. */
    POST_EXPLOITATION,
    /** Worth showing, not evidence of compromise by itself (an archive in ProgramData, a scanner's probe). */
    CONTEXT;

    public static final String TAG_PREFIX = "exhunt.stage.";

    /** The tag that states this stage. */
    public String tag() {
        return TAG_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Detectors that look at files on disk: what they find is left behind, never an exploit request. */
    private static final Set<String> FILE_DETECTORS = Set.of("yara", "ioc", "file");

    /**
     * The stage a finding states; without a stage tag, a log finding attributed to a chain is an attempt, and
     * any other is post-exploitation when high or critical and context otherwise.
     */
    public static Stage of(Finding f) {
        for (String tag : f.tags()) {
            if (tag.startsWith(TAG_PREFIX)) {
                String name = tag.substring(TAG_PREFIX.length()).toUpperCase(Locale.ROOT).replace('-', '_');
                for (Stage s : values()) {
                    if (s.name().equals(name)) return s;
                }
            }
        }
        if (f.chain() != null && !FILE_DETECTORS.contains(f.detector())) return ATTEMPT;
        return leftBehind(f.severity());
    }

    /** The stage of something found left behind (a file) whose rule states none: post-exploitation when high or critical. */
    public static Stage leftBehind(Severity severity) {
        return severity.compareTo(Severity.HIGH) >= 0 ? POST_EXPLOITATION : CONTEXT;
    }

    /** Whether a finding states its stage with a tag. */
    public static boolean tagged(Finding f) {
        return f.tags().stream().anyMatch(t -> t.startsWith(TAG_PREFIX));
    }
}
