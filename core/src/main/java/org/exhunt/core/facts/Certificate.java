package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The certificate a probed server presented (the probe accepts any, and says what it saw).
 *
 * @param subject    the leaf certificate's subject
 * @param issuer     its issuer
 * @param notBefore  start of validity
 * @param notAfter   end of validity
 * @param names      its DNS subject alternative names
 * @param selfSigned issued by itself
 * @param expired    past {@code notAfter} when probed
 * @param protocol   the TLS protocol negotiated ({@code TLSv1.3})
 */
public record Certificate(String subject, String issuer, Instant notBefore, Instant notAfter, List<String> names,
                          boolean selfSigned, boolean expired, String protocol) implements Serializable {

    public Certificate {
        names = List.copyOf(names);
    }
}
