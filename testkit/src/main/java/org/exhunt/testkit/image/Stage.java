package org.exhunt.testkit.image;

import java.util.Locale;

/** What a trace says about an intrusion, in the words of ARCHITECTURE.md's verdicts. */
public enum Stage {
    /** An exploit request, with no sign that it worked. */
    ATTEMPT,
    /** A sign that the exploit worked: a file written, a command run, a request answered as the exploit wants. */
    SUCCESS,
    /** What an intruder leaves or does after getting in: a web shell and its use, a dump, a tool run. */
    POST_EXPLOITATION,
    /** Worth showing, not evidence of compromise by itself: nothing is required of a scan. */
    CONTEXT;

    /** The name as the expected-verdict file writes it ({@code post-exploitation}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
