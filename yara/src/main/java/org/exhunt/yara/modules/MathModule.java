package org.exhunt.yara.modules;

import org.exhunt.yara.data.ScanData;

/**
 * libyara's {@code math} module (4.2.3): entropy, monte_carlo_pi, serial_correlation, mean, deviation,
 * in_range, min, max, to_number, abs, count, percentage, mode, and {@code MEAN_BYTES}. Over the data
 * (offset, length) or over a string. Quirks kept on purpose: the string variants read bytes as C's signed
 * {@code char}, {@code min}/{@code max} compare as unsigned 64-bit, {@code percentage} divides in single
 * precision, and a result that is not a number (an empty range's mean) is undefined.
 */
public final class MathModule implements Module {

    private static final double PI = 3.141592653589793;

    private final Declaration.StructDecl declarations = new Declaration.StructDecl("math")
            .floating("MEAN_BYTES")
            .function("in_range", "fff", 'i', (a, c) -> {
                double test = (Double) a[0];
                return (Double) a[1] <= test && test <= (Double) a[2] ? 1L : 0L;
            })
            .function("deviation", "iif", 'f', (a, c) -> {
                long[] d = distribution(a, c);
                if (d == null) return null;
                double mean = (Double) a[2];
                double sum = 0;
                long total = 0;
                for (int i = 0; i < 256; i++) {
                    total += d[i];
                    sum += Math.abs(i - mean) * d[i];
                }
                return sum / total;
            })
            .function("deviation", "sf", 'f', (a, c) -> {
                byte[] s = (byte[]) a[0];
                double mean = (Double) a[1];
                double sum = 0;
                for (byte b : s) sum += Math.abs(b - mean);
                return sum / s.length;
            })
            .function("mean", "ii", 'f', (a, c) -> {
                long[] d = distribution(a, c);
                if (d == null) return null;
                double sum = 0;
                long total = 0;
                for (int i = 0; i < 256; i++) {
                    total += d[i];
                    sum += (double) i * d[i];
                }
                return sum / total;
            })
            .function("mean", "s", 'f', (a, c) -> {
                byte[] s = (byte[]) a[0];
                double sum = 0;
                for (byte b : s) sum += b;
                return sum / s.length;
            })
            .function("serial_correlation", "ii", 'f', (a, c) -> {
                DataRange r = DataRange.of((Long) a[0], (Long) a[1], c.dataSize());
                if (r == null) return null;
                ScanData data = c.data();
                double t1 = 0, t2 = 0, t3 = 0, last = 0;
                for (int i = r.from(); i < r.to(); i++) {
                    if (((i - r.from()) & (DataRange.CHUNK - 1)) == 0) c.deadline().tick();
                    double v = data.get(i) & 0xFF;
                    t1 += last * v;
                    t2 += v;
                    t3 += v * v;
                    last = v;
                }
                // libyara closes the cycle with last * last, not last * first as ent does.
                t1 += last * last;
                return correlation(r.length(), t1, t2, t3);
            })
            .function("serial_correlation", "s", 'f', (a, c) -> {
                byte[] s = (byte[]) a[0];
                double t1 = 0, t2 = 0, t3 = 0, last = 0;
                for (byte b : s) {
                    double v = b;
                    t1 += last * v;
                    t2 += v;
                    t3 += v * v;
                    last = v;
                }
                t1 += last * last;
                return correlation(s.length, t1, t2, t3);
            })
            .function("monte_carlo_pi", "ii", 'f', (a, c) -> {
                DataRange r = DataRange.of((Long) a[0], (Long) a[1], c.dataSize());
                if (r == null) return null;
                ScanData data = c.data();
                return monteCarloPi(r.length(), i -> {
                    if ((i & (DataRange.CHUNK - 1)) == 0) c.deadline().tick();
                    return data.get(r.from() + i) & 0xFF;
                });
            })
            .function("monte_carlo_pi", "s", 'f', (a, c) -> {
                byte[] s = (byte[]) a[0];
                // libyara casts a signed char to unsigned int: 0x80 becomes 0xFFFFFF80.
                return monteCarloPi(s.length, i -> s[i] & 0xFFFFFFFFL);
            })
            .function("entropy", "ii", 'f', (a, c) -> {
                long[] d = distribution(a, c);
                return d == null ? null : entropy(d);
            })
            .function("entropy", "s", 'f', (a, c) -> {
                byte[] s = (byte[]) a[0];
                long[] d = new long[256];
                for (byte b : s) d[b & 0xFF]++;
                return entropy(d);
            })
            .function("min", "ii", 'i', (a, c) -> Long.compareUnsigned((Long) a[0], (Long) a[1]) < 0 ? a[0] : a[1])
            .function("max", "ii", 'i', (a, c) -> Long.compareUnsigned((Long) a[0], (Long) a[1]) > 0 ? a[0] : a[1])
            .function("to_number", "b", 'i', (a, c) -> (Long) a[0] != 0 ? 1L : 0L)
            .function("abs", "i", 'i', (a, c) -> Math.abs((Long) a[0]))
            .function("count", "iii", 'i', (a, c) -> {
                long[] d = distribution(new Object[] {a[1], a[2]}, c);
                return d == null ? null : d[byteArgument(a)];
            })
            .function("count", "i", 'i', (a, c) -> {
                return whole(c)[byteArgument(a)];
            })
            .function("percentage", "iii", 'f', (a, c) -> {
                long[] d = distribution(new Object[] {a[1], a[2]}, c);
                return d == null ? null : percentage(d, byteArgument(a));
            })
            .function("percentage", "i", 'f', (a, c) -> {
                return percentage(whole(c), byteArgument(a));
            })
            .function("mode", "ii", 'i', (a, c) -> {
                long[] d = distribution(a, c);
                return d == null ? null : mode(d);
            })
            .function("mode", "", 'i', (a, c) -> mode(whole(c)));

    @Override
    public String name() {
        return "math";
    }

    @Override
    public Declaration.StructDecl declarations() {
        return declarations;
    }

    /** A constant and functions: the data is the same for every scan. */
    private final ObjectValue.Struct root = root();

    private ObjectValue.Struct root() {
        ObjectValue.Struct r = ObjectValue.emptyStruct(declarations);
        r.set("MEAN_BYTES", 127.5);
        return r;
    }

    @Override
    public ObjectValue.Struct load(ModuleContext context) {
        return root;
    }

    /** The byte a count or percentage asks for: libyara casts the argument to uint8_t, so 256 means 0. */
    private static int byteArgument(Object[] a) {
        return (int) ((Long) a[0] & 0xFF);
    }

    private static long[] distribution(Object[] a, ModuleContext c) {
        DataRange r = DataRange.of((Long) a[0], (Long) a[1], c.dataSize());
        return r == null ? null : histogram(r, c);
    }

    private static long[] whole(ModuleContext c) {
        return histogram(new DataRange(0, c.dataSize()), c);
    }

    /** A range's byte counts, once per scan however many rules ask (as the hash module's digests); callers only read it. */
    private static long[] histogram(DataRange r, ModuleContext c) {
        return c.cached(r, () -> r.distribution(c));
    }

    private static double entropy(long[] counts) {
        long total = 0;
        for (long n : counts) total += n;
        double entropy = 0;
        for (long n : counts) {
            if (n != 0) {
                double x = (double) n / total;
                entropy -= x * (Math.log(x) / Math.log(2));
            }
        }
        return entropy;
    }

    private static double correlation(long length, double t1, double t2, double t3) {
        t2 *= t2;
        double scc = length * t3 - t2;
        return scc == 0 ? -100000 : (length * t1 - t2) / scc;
    }

    /** Over {@code length} values, the {@code i}th of which is {@code value(i)} (read in place, not copied). */
    private static Double monteCarloPi(int length, java.util.function.IntToLongFunction value) {
        double inCircle = Math.pow(Math.pow(256.0, 3.0) - 1, 2.0);
        long[] monte = new long[6];
        int count = 0;
        int inside = 0;
        for (int i = 0; i < length; i++) {
            monte[i % 6] = value.applyAsLong(i);
            if (i % 6 == 5) {
                double mx = 0;
                double my = 0;
                count++;
                for (int j = 0; j < 3; j++) {
                    mx = mx * 256.0 + monte[j];
                    my = my * 256.0 + monte[j + 3];
                }
                if (mx * mx + my * my <= inCircle) inside++;
            }
        }
        if (count == 0) return null;
        double mpi = 4.0 * ((double) inside / count);
        return Math.abs((mpi - PI) / PI);
    }

    private static double percentage(long[] counts, int b) {
        long total = 0;
        for (long n : counts) total += n;
        return (double) ((float) counts[b] / (float) total);
    }

    private static long mode(long[] counts) {
        int most = 0;
        for (int i = 0; i < 256; i++) if (counts[i] > counts[most]) most = i;
        return most;
    }
}
