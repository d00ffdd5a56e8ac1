package org.exhunt.yara.modules;

import java.nio.ByteBuffer;
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
            .function("md5", "s", 's', (a, c) -> digest("MD5", ByteBuffer.wrap((byte[]) a[0])))
            .function("sha1", "ii", 's', (a, c) -> dataDigest("SHA-1", a, c))
            .function("sha1", "s", 's', (a, c) -> digest("SHA-1", ByteBuffer.wrap((byte[]) a[0])))
            .function("sha256", "ii", 's', (a, c) -> dataDigest("SHA-256", a, c))
            .function("sha256", "s", 's', (a, c) -> digest("SHA-256", ByteBuffer.wrap((byte[]) a[0])))
            .function("checksum32", "ii", 'i', (a, c) -> {
                DataRange r = DataRange.of((Long) a[0], (Long) a[1], c.dataSize());
                if (r == null) return null;
                long[] sum = {0};
                r.chunks(c, chunk -> sum[0] += checksum32(chunk));
                return sum[0] & 0xFFFFFFFFL;
            })
            .function("checksum32", "s", 'i', (a, c) -> checksum32(ByteBuffer.wrap((byte[]) a[0])) & 0xFFFFFFFFL)
            .function("crc32", "ii", 'i', (a, c) -> {
                DataRange r = DataRange.of((Long) a[0], (Long) a[1], c.dataSize());
                if (r == null) return null;
                CRC32 crc = new CRC32();
                r.chunks(c, crc::update);
                return crc.getValue();
            })
            .function("crc32", "s", 'i', (a, c) -> crc32(ByteBuffer.wrap((byte[]) a[0])));

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
        return c.cached(new DigestKey(algorithm, r.from(), r.to()), () -> {
            MessageDigest md = digest(algorithm);
            r.chunks(c, md::update);
            return hex(md);
        });
    }

    private static byte[] digest(String algorithm, ByteBuffer data) {
        MessageDigest md = digest(algorithm);
        md.update(data);
        return hex(md);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    private static byte[] hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest()).getBytes(StandardCharsets.US_ASCII);
    }

    /** The sum of the bytes, not yet cut to 32 bits. */
    private static long checksum32(ByteBuffer data) {
        long sum = 0;
        while (data.hasRemaining()) sum += data.get() & 0xFF;
        return sum;
    }

    private static long crc32(ByteBuffer data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }
}
