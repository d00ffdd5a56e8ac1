package org.exhunt.kb;

import java.util.List;
import java.util.Optional;
import org.exhunt.core.Exposure;

/**
 * What the knowledge base says about one build number: which product and update it is, how sure that is,
 * one {@link RowExposure} per verdict row, and what to install.
 *
 * @param build       the build assessed
 * @param placement   where it sits relative to the build table
 * @param product     its product, or {@code null} for {@link Placement#UNKNOWN_PRODUCT}
 * @param known       the table's build when {@link Placement#EXACT}, else the nearest known build below it
 *                    within its CU, or {@code null}
 * @param cu          the name of its CU ({@code CU19}, {@code Update Rollup 32}) when the CU is known, or {@code null}
 * @param description one line naming product, CU and update: {@code Exchange Server 2016 CU19, released 2020-12-15}
 * @param rows        one per verdict row, in report order
 * @param updatePath  the latest CU and update of the product, or {@code null} for an unknown product
 * @param kbVersion   the version of the knowledge base that answered
 */
public record BuildAssessment(BuildNumber build, Placement placement, ProductLine product, Build known,
                              String cu, String description, List<RowExposure> rows, UpdatePath updatePath,
                              String kbVersion) {

    public BuildAssessment {
        rows = List.copyOf(rows);
    }

    public Optional<ProductLine> productLine() {
        return Optional.ofNullable(product);
    }

    public Optional<String> cuName() {
        return Optional.ofNullable(cu);
    }

    public Optional<UpdatePath> path() {
        return Optional.ofNullable(updatePath);
    }

    /** The row's exposure; every row of the knowledge base is present. */
    public RowExposure row(String name) {
        return rows.stream().filter(r -> r.row().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + name));
    }

    public boolean anyRow(Exposure exposure) {
        return rows.stream().anyMatch(r -> r.exposure() == exposure);
    }

    /** A deterministic multi-line dump for tests and debugging. */
    public String dump() {
        StringBuilder s = new StringBuilder(build + " " + placement + ": " + description + "\n");
        for (RowExposure r : rows) {
            s.append("  ").append(r.row()).append(' ').append(r.exposure())
                    .append(r.fixedBy() == null ? "" : " fixedBy=" + r.fixedBy().number()).append(' ')
                    .append(r.cves().stream().map(c -> c.cve().substring(4) + "=" + c.status()).toList())
                    .append('\n');
        }
        if (updatePath != null) s.append("  path: ").append(updatePath.describe()).append('\n');
        return s.toString();
    }
}
