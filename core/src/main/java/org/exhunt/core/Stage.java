package org.exhunt.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * What a finding says about an intrusion. Every finding has one ({@link Finding#stage()}), set when it is made: by
 * the detector, from what its rule states (a tag {@code exhunt.stage.<label>}, YARA's {@code exhunt_stage}, the rule
 * pack's attribution table, an indicator list's stage column), else by {@link #unstated}, the one rule for findings
 * whose rule states none (docs/ARCHITECTURE.md, "Attribution").
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

    /** The prefix of the tags by which rules state a stage. */
    public static final String TAG_PREFIX = "exhunt.stage.";

    /** The name reports and rules use: {@code attempt}, {@code success}, {@code post-exploitation}, {@code context}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The tag that states this stage: {@code exhunt.stage.post-exploitation}. */
    public String tag() {
        return TAG_PREFIX + label();
    }

    /** The stage of a {@link #label()} ({@code post-exploitation}; case and {@code _} for {@code -} do not matter). */
    public static Optional<Stage> ofLabel(String label) {
        String name = label.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Stage s : values()) {
            if (s.name().equals(name)) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The stage a rule's tags state ({@code exhunt.stage.success}), if one does: the first that names a stage. */
    public static Optional<Stage> stated(Collection<String> tags) {
        for (String tag : tags) {
            if (tag.startsWith(TAG_PREFIX)) {
                Optional<Stage> s = ofLabel(tag.substring(TAG_PREFIX.length()));
                if (s.isPresent()) return s;
            }
        }
        return Optional.empty();
    }

    /**
     * The stage of a finding whose rule states none. An event read from a log (a request, an event-log record) that
     * its rule attributes to a chain is an exploit attempt; anything else — a file on disk, an event no rule ties to a
     * chain — is post-exploitation when high or critical and context when lower.
     *
     * @param event true for a log record, false for a file on disk
     * @param chain the chain the rule attributes the finding to (by tag, attribution table or CVE), or null; a chain
     *              linked later (a file its exploit wrote) does not change the stage
     */
    public static Stage unstated(boolean event, String chain, Severity severity) {
        if (event && chain != null) return ATTEMPT;
        return severity.compareTo(Severity.HIGH) >= 0 ? POST_EXPLOITATION : CONTEXT;
    }
}
