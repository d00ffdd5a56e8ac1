package org.exhunt.sigma;

import org.exhunt.core.Record;

/** {@link RuleAssert} for the tests of other packages. */
public final class RuleAssertAccess {

    private RuleAssertAccess() {}

    public static Record record(String... nameValue) {
        return RuleAssert.record(nameValue);
    }

    public static boolean fires(String detection, Record r) {
        return RuleAssert.fires(detection, r);
    }
}
