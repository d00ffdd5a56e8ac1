package org.exhunt.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a whole evidence file into memory, for formats parsed from bytes, never more than a cap. */
public final class EvidenceBytes {

    private EvidenceBytes() {}

    /** The file's content; an {@link IOException} when it cannot be read or is longer than {@code cap} bytes. */
    public static byte[] read(EvidenceFile file, int cap) throws IOException {
        if (file.size() > cap) throw new IOException(file.size() + " bytes, more than the " + cap + " read");
        try (InputStream in = file.open()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > cap) throw new IOException("grew past the " + cap + " bytes read while being read");
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
