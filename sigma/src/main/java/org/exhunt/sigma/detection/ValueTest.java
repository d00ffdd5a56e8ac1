package org.exhunt.sigma.detection;

import org.exhunt.sigma.prefilter.Need;

/** A test of one field value, built by the modifiers from one rule value. Immutable and thread-safe. */
public interface ValueTest {

    /** Tests a value, given as read and folded (the test picks the form it needs). */
    boolean test(String value, String folded, Evaluation ev);

    /** The literal a value passing this test must contain, folded; {@link Need#ALWAYS} when none. */
    Need need();
}
