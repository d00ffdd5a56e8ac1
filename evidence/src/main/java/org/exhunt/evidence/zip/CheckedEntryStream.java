package org.exhunt.evidence.zip;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;

/**
 * An entry's content held to what its archive declares: reading past the declared size fails (a bomb that
 * lies about its size, or damage), and at the end the size and CRC-32 must match (a damaged entry). The
 * messages name the entry and say what is wrong.
 */
public final class CheckedEntryStream extends FilterInputStream {

    private final String entry;
    private final long declaredSize;
    private final long declaredCrc;
    private final CRC32 crc = new CRC32();
    private long count;
    private boolean checked;

    /** @param declaredCrc the CRC-32 to check at the end, or -1 not to check */
    public CheckedEntryStream(InputStream in, String entry, long declaredSize, long declaredCrc) {
        super(in);
        this.entry = entry;
        this.declaredSize = declaredSize;
        this.declaredCrc = declaredCrc;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, (int) Math.min(len, Math.max(1, declaredSize - count + 1)));
        } catch (IOException e) {
            throw new EntryDamagedException("entry '" + entry + "' is damaged after " + count + " bytes: " + e.getMessage(), e);
        }
        if (n < 0) {
            finish();
            return -1;
        }
        count += n;
        if (count > declaredSize) {
            throw new EntryDamagedException("entry '" + entry + "' expands past its declared size of " + declaredSize
                    + " bytes: a zip bomb or damage; not read further");
        }
        crc.update(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) break;
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void finish() throws IOException {
        if (checked) return;
        checked = true;
        if (count != declaredSize) {
            throw new EntryDamagedException("entry '" + entry + "' ends after " + count + " of its " + declaredSize
                    + " declared bytes: the archive is damaged or truncated");
        }
        if (declaredCrc >= 0 && crc.getValue() != declaredCrc) {
            throw new EntryDamagedException(String.format("entry '%s' fails its CRC check (declared %08x, read %08x):"
                    + " the archive is damaged", entry, declaredCrc, crc.getValue()));
        }
    }

    /** An entry that cannot be read as declared. */
    public static final class EntryDamagedException extends IOException {
        EntryDamagedException(String message) {
            super(message);
        }

        EntryDamagedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
