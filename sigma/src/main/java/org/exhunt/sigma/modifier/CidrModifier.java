package org.exhunt.sigma.modifier;

import java.util.List;
import org.exhunt.core.IpAddress;
import org.exhunt.core.IpRange;
import org.exhunt.sigma.detection.Evaluation;
import org.exhunt.sigma.detection.ValueTest;
import org.exhunt.sigma.prefilter.Need;
import org.exhunt.sigma.value.SigmaValue;

/**
 * {@code cidr}: the field is an IPv4 or IPv6 address inside the network {@code address/bits}. Addresses and
 * networks are read by core's one parser, so an IPv4-mapped client ({@code ::ffff:10.1.2.3}, as IIS logs clients
 * of dual-stack sites) is inside {@code 10.0.0.0/8}, as the indicator matcher and the reports take it.
 */
final class CidrModifier {

    private CidrModifier() {}

    static final List<Modifier> ALL = List.of(Modifier.of("cidr", c -> c.type("cidr", CidrModifier::build)));

    private static ValueTest build(SigmaValue v, ValueChain chain) throws ModifierException {
        String text = v instanceof SigmaValue.Str s ? s.raw().trim() : String.valueOf(v);
        IpRange range = IpRange.parse(text).orElse(null);
        if (range != null) return new CidrTest(range);
        int slash = text.indexOf('/');
        if (slash >= 0 && IpAddress.parse(text.substring(0, slash)).isPresent()) {
            throw new ModifierException("bad prefix length in " + v);
        }
        throw new ModifierException("'cidr' takes a network such as 10.0.0.0/8, not " + v);
    }

    private record CidrTest(IpRange range) implements ValueTest {
        @Override
        public boolean test(String value, String folded, Evaluation ev) {
            IpAddress a = IpAddress.read(value);
            return a != null && range.contains(a);
        }

        @Override
        public Need need() {
            return Need.ALWAYS;
        }
    }
}
