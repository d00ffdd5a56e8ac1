package org.exhunt.logs.evtx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Floating-point values as the Rust crate writes them (Ryu's layout: the shortest digits that read back
 * to the same value; {@code 1.0}, {@code 0.001234}, {@code 1e30}, {@code 1.234e-7}). Real32 values use
 * Ryu's narrower limits for plain notation. Floats are rare in event logs, so this favours clarity.
 */
final class FloatText {

    private FloatText() {}

    static String ofDouble(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + "0.0";
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p <= 17; p++) {
            BigDecimal d = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (d.doubleValue() == v) return layout(d, 16, -5);
        }
        return layout(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)), 16, -5);
    }

    static String ofFloat(float v) {
        if (Float.isNaN(v)) return "NaN";
        if (Float.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (Float.floatToRawIntBits(v) < 0 ? "-" : "") + "0.0";
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p <= 9; p++) {
            BigDecimal d = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (d.floatValue() == v) return layout(d, 13, -6);
        }
        return layout(exact.round(new MathContext(9, RoundingMode.HALF_EVEN)), 13, -6);
    }

    /**
     * Ryu's layout of {@code digits × 10^k}: plain when the decimal point falls within {@code maxPlain}
     * digits (or just after {@code minFraction} leading zeros), scientific otherwise.
     */
    private static String layout(BigDecimal d, int maxPlain, int minFraction) {
        BigDecimal stripped = d.stripTrailingZeros();
        String sign = stripped.signum() < 0 ? "-" : "";
        String digits = stripped.unscaledValue().abs().toString();
        int length = digits.length();
        int k = -stripped.scale();
        int kk = length + k;   // 10^(kk-1) <= |v| < 10^kk
        StringBuilder s = new StringBuilder(sign);
        if (k >= 0 && kk <= maxPlain) {
            s.append(digits).append("0".repeat(k)).append(".0");
        } else if (kk > 0 && kk <= maxPlain) {
            s.append(digits, 0, kk).append('.').append(digits, kk, length);
        } else if (kk > minFraction && kk <= 0) {
            s.append("0.").append("0".repeat(-kk)).append(digits);
        } else {
            s.append(digits.charAt(0));
            if (length > 1) s.append('.').append(digits, 1, length);
            s.append('e').append(kk - 1);
        }
        return s.toString();
    }
}
