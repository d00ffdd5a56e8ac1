package org.exhunt.yara.modules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * libyara's {@code hash} module: md5, sha1, sha256 (lower-case hex), checksum32 (sum of the bytes) and
 * crc32, each over the data ({@code offset, length}) or over a string. Digests of the data are cached
 * per scan, since many rules ask for {@code hash.md5(0, filesize)}.
 */
public final class HashModule implements Module {

    private final Declaration.StructDecl declarations = new Declaration.StructDecl("hash")
            .function("md5", "ii", 's', (a, c) -> dataDigest("MD5", a, c))
            .function("md5", "s", 's', (a, c) -> digest("MD5", (byte[]) a[0], 0, ((byte[]) a[0]).length))
            .function("sha1", "ii", 's', (a, c) -> dataDigest("SHA-1", a, c))
            .function("sha1", "s", 's', (a, c) -> digest("SHA-1", (byte[]) a[0], 0, ((byte[]) a[0]).length))
            .function("sha256", "ii", 's', (a, c) -> dataDigest("SHA-256", a, c))
            .function("sha256", "s", 's', (a, c) -> digest("SHA-256", (byte[]) a[0], 0, ((byte[]) a[0]).length))
            .function("checksum32", "ii", 'i', (a, c) -> {
                DataRange r = DataRange.of((Long) a[0], (Long) a[1], c.dataSize());
                return r == null ? null : checksum32(c.data(), r.from(), r.to());
            })
            .function("checksum32", "s", 'i', (a, c) -> checksum32((byte[]) a[0], 0, ((byte[]) a[0]).length))
            .function("crc32", "ii", 'i', (a, c) -> {
                DataRange r = DataRange.of((Long) a[0], (Long) a[1], c.dataSize());
                return r == null ? null : crc32(c.data(), r.from(), r.to());
            })
            .function("crc32", "s", 'i', (a, c) -> crc32((byte[]) a[0], 0, ((byte[]) a[0]).length));

    @Override
    public String name() {
        return "hash";
    }

    @Override
    public Declaration.StructDecl declarations() {
        return declarations;
    }

    /** Only functions: the data is the same for every scan. */
    private final ObjectValue.Struct root = ObjectValue.emptyStruct(declarations);

    @Override
    public ObjectValue.Struct load(ModuleContext context) {
        return root;
    }

    private record DigestKey(String algorithm, int from, int to) {}

    private static byte[] dataDigest(String algorithm, Object[] a, ModuleContext c) {
        DataRange r = DataRange.of((Long) a[0], (Long) a[1], c.dataSize());
        if (r == null) return null;
        return c.cached(new DigestKey(algorithm, r.from(), r.to()), () -> digest(algorithm, c.data(), r.from(), r.to()));
    }

    private static byte[] digest(String algorithm, byte[] data, int from, int to) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update(data, from, to - from);
            return HexFormat.of().formatHex(md.digest()).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    private static long checksum32(byte[] data, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) sum += data[i] & 0xFF;
        return sum & 0xFFFFFFFFL;
    }

    private static long crc32(byte[] data, int from, int to) {
        CRC32 crc = new CRC32();
        crc.update(data, from, to - from);
        return crc.getValue();
    }
}
