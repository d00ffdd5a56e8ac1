package org.exhunt.probe.http;

import java.time.Instant;
import java.util.List;

/**
 * What the server's certificate says, reported because the probe accepts any certificate.
 *
 * @param protocol   {@code TLSv1.3}, ...
 * @param subject    the leaf certificate's subject
 * @param issuer     its issuer
 * @param notBefore  start of validity
 * @param notAfter   end of validity
 * @param names      its DNS subject alternative names
 * @param selfSigned issued by itself (subject = issuer, signed with its own key)
 */
public record TlsFacts(String protocol, String subject, String issuer, Instant notBefore, Instant notAfter,
                       List<String> names, boolean selfSigned) {

    public TlsFacts {
        names = List.copyOf(names);
    }

    public boolean expiredAt(Instant now) {
        return notAfter.isBefore(now);
    }
}
