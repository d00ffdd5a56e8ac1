package org.exhunt.sigma;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.exhunt.core.Limits;

/**
 * Rule files loaded once, kept in a file ({@code exhunt rules compile}) so that later runs take their rules from it
 * instead of reading their YAML again: for each rule file, its name, a hash of its content and what it holds.
 * A run reads every rule file anyway and takes the kept items of a file only when name and content hash match, so
 * a changed, added or removed file is simply read; the whole file is set aside when another build of exhunt wrote
 * it, when it was written for other placeholder values, or when it is damaged. Either way only time is lost: the
 * load's results are the same as without it.
 *
 * <p>The content hash is the length with CRC-32 and CRC-32C (64 bits of checksum): it guards against changes, not
 * against someone crafting a collision, who could as well change the rule files. SHA-256 took longer on a cold JVM
 * than the YAML it saves reading (half a second for SigmaHQ's 5.7 MB).
 *
 * <p>Layout: a magic line, the format, the writer's build and the placeholder values (as text), the number of
 * files, then per file its name, content hash and items ({@link ItemCodec}); last the content hash of all before it.
 */
public final class CompiledRules {

    private static final byte[] MAGIC = "exhunt compiled Sigma rules\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int HASH_BYTES = 16;

    /** A compiled-rules file that cannot be used; the message says why. */
    public static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    private record Entry(byte[] hash, int offset, int length) {}

    private final byte[] data;
    private final Map<String, Entry> files;

    private CompiledRules(byte[] data, Map<String, Entry> files) {
        this.data = data;
        this.files = files;
    }

    /**
     * Reads a compiled-rules file written by this build ({@code build}: what identifies it, as given to
     * {@link Writer#write}) for these placeholder values.
     */
    public static CompiledRules read(Path file, String build, Placeholders placeholders) throws IOException, Unusable {
        if (Files.size(file) > Limits.SIGMA_COMPILED_BYTES) {
            throw new Unusable("larger than " + Limits.SIGMA_COMPILED_BYTES + " bytes");
        }
        byte[] data = Files.readAllBytes(file);
        if (data.length < MAGIC.length + HASH_BYTES || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new Unusable("not a compiled-rules file");
        }
        int body = data.length - HASH_BYTES;
        if (!Arrays.equals(hash(data, body), Arrays.copyOfRange(data, body, data.length))) {
            throw new Unusable("damaged (its checksum does not match)");
        }
        ItemCodec.In in = new ItemCodec.In(data, MAGIC.length, body);
        try {
            if (in.number() != FORMAT || !build.equals(in.text()) || !placeholders.fingerprint().equals(in.text())) {
                throw new Unusable("written by another build of exhunt or for other placeholder values");
            }
            int count = in.count();
            Map<String, Entry> files = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.requiredText();
                byte[] hash = Arrays.copyOfRange(data, in.skip(HASH_BYTES), in.at());
                int length = in.number();
                files.put(name, new Entry(hash, in.skip(length), length));
            }
            if (!in.done()) throw new Unusable("damaged (bytes left over)");
            return new CompiledRules(data, files);
        } catch (ItemCodec.Damaged e) {
            throw new Unusable("damaged (" + e.getMessage() + ")");
        }
    }

    /**
     * The items kept for file {@code name} when its content hash is {@code hash}, or null: not kept, other
     * content, or items that do not decode (then the file is read). Thread-safe.
     */
    List<RuleFile.Item> items(String name, byte[] hash) {
        Entry e = files.get(name);
        if (e == null || !Arrays.equals(e.hash, hash)) return null;
        try {
            return ItemCodec.decode(name, data, e.offset, e.length);
        } catch (ItemCodec.Damaged | RuntimeException damaged) {
            return null;
        }
    }

    /** The content hash of a file's bytes. */
    static byte[] hash(byte[] bytes) {
        return hash(bytes, bytes.length);
    }

    /** The content hash of the first {@code length} bytes: the length, CRC-32 and CRC-32C. */
    private static byte[] hash(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        CRC32C crcC = new CRC32C();
        crcC.update(bytes, 0, length);
        return ByteBuffer.allocate(HASH_BYTES).putLong(length).putInt((int) crc.getValue()).putInt((int) crcC.getValue()).array();
    }

    /** Collects the files a load read, to write them as compiled rules. */
    public static final class Writer {
        private final Placeholders placeholders;
        private final Map<String, RuleFile.Loaded> files = new TreeMap<>();

        Writer(Placeholders placeholders) {
            this.placeholders = placeholders;
        }

        void add(RuleFile.Loaded file) {
            if (file.hash() != null) files.put(file.name(), file);
        }

        /** How many rule files it holds. */
        public int size() {
            return files.size();
        }

        /** Writes the compiled rules; {@code build} identifies this build of exhunt (its version and more). */
        public void write(OutputStream out, String build) throws IOException {
            ItemCodec.Out b = new ItemCodec.Out();
            b.raw(MAGIC);
            b.number(FORMAT);
            b.text(build);
            b.text(placeholders.fingerprint());
            b.number(files.size());
            for (RuleFile.Loaded f : files.values()) {
                b.text(f.name());
                b.raw(f.hash());
                byte[] items = ItemCodec.encode(f.items());
                b.number(items.length);
                b.raw(items);
            }
            byte[] body = b.bytes();
            out.write(body);
            out.write(hash(body));
        }
    }
}
