package org.exhunt.core.facts;

import java.io.Serializable;
import java.util.List;

/**
 * The URL-rewrite mitigations found in the IIS configuration ({@code applicationHost.config} and the Default Web
 * Site's {@code web.config}).
 *
 * @param applicationHostRead whether the evidence held {@code applicationHost.config}
 * @param found               each rule found that carries a mitigation, counted or not, in the order read
 */
public record Mitigations(boolean applicationHostRead, List<MitigationFound> found) implements Serializable {

    public Mitigations {
        found = List.copyOf(found);
    }
}
