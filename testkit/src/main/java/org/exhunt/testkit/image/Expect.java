package org.exhunt.testkit.image;

import java.util.Objects;

/**
 * What a correct scan says about one trace of an attack or one file left behind.
 *
 * @param chain    the verdict row the finding belongs to after linking ({@code ProxyLogon}), or null for a
 *                 post-exploitation finding no chain's evidence explains
 * @param stage    the finding's stage; null when either reading is right (said why in {@code what})
 * @param required whether a scan must report a finding for it
 * @param benign   a benign look-alike: a scan must not report it as evidence (context at most)
 * @param what     one line saying what it is and why this is the right reading
 */
public record Expect(String chain, Stage stage, boolean required, boolean benign, String what) {

    public Expect {
        Objects.requireNonNull(what, "what");
        if (benign && (required || chain != null)) throw new IllegalArgumentException("a benign trace requires nothing");
    }

    public static Expect attempt(String chain, String what) {
        return new Expect(Objects.requireNonNull(chain), Stage.ATTEMPT, true, false, what);
    }

    public static Expect success(String chain, String what) {
        return new Expect(Objects.requireNonNull(chain), Stage.SUCCESS, true, false, what);
    }

    /** Post-exploitation linked to {@code chain}, or unlinked when {@code chain} is null. */
    public static Expect postExploitation(String chain, String what) {
        return new Expect(chain, Stage.POST_EXPLOITATION, true, false, what);
    }

    /** Reported, at whichever stage the scan's policy gives it. */
    public static Expect anyStage(String chain, String what) {
        return new Expect(chain, null, true, false, what);
    }

    /** Nothing is required; a finding of this chain on it is right too. */
    public static Expect context(String chain, String what) {
        return new Expect(chain, Stage.CONTEXT, false, false, what);
    }

    /** Ordinary activity that looks like an attack to a careless rule: no evidence finding may come of it. */
    public static Expect benign(String what) {
        return new Expect(null, null, false, true, what);
    }
}
