package org.exhunt.sigma.modifier;

import java.util.List;
import org.exhunt.sigma.detection.Evaluation;
import org.exhunt.sigma.detection.ValueTest;
import org.exhunt.sigma.prefilter.Need;
import org.exhunt.sigma.value.IpAddress;
import org.exhunt.sigma.value.SigmaValue;

/** {@code cidr}: the field is an IPv4 or IPv6 address inside the network {@code address/bits}. */
final class CidrModifier {

    private CidrModifier() {}

    static final List<Modifier> ALL = List.of(Modifier.of("cidr", c -> c.type("cidr", CidrModifier::build)));

    private static ValueTest build(SigmaValue v, ValueChain chain) throws ModifierException {
        String text = v instanceof SigmaValue.Str s ? s.raw().trim() : String.valueOf(v);
        int slash = text.indexOf('/');
        byte[] net = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        if (net == null) throw new ModifierException("'cidr' takes a network such as 10.0.0.0/8, not " + v);
        int bits;
        try {
            bits = slash < 0 ? net.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new ModifierException("bad prefix length in " + v);
        }
        if (bits < 0 || bits > net.length * 8) throw new ModifierException("bad prefix length in " + v);
        return new CidrTest(net, bits);
    }

    private record CidrTest(byte[] network, int bits) implements ValueTest {
        @Override
        public boolean test(String value, String folded, Evaluation ev) {
            byte[] a = IpAddress.parse(value.trim());
            if (a == null || a.length != network.length) return false;
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) return false;
            }
            int rest = bits % 8;
            if (rest == 0) return true;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }

        @Override
        public Need need() {
            return Need.ALWAYS;
        }
    }
}
