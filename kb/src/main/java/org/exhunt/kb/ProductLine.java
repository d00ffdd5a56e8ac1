package org.exhunt.kb;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An Exchange product ({@code rules/kb/products.csv}) and its range of build numbers (Exchange 2019 and
 * Exchange SE share major version 15.2).
 *
 * @param name         {@code Exchange Server 2016}, as in the build table
 * @param family       the short name vulnerabilities use: {@code 2016}
 * @param fromBuild    the lowest build of the product
 * @param toBuild      the first build that is no longer the product's
 * @param endOfSupport the last day of support, or {@code null} while supported
 * @param supportNote  what the support status means for updates
 * @param source       where the dates come from
 */
public record ProductLine(String name, String family, BuildNumber fromBuild, BuildNumber toBuild,
                          LocalDate endOfSupport,
                          String supportNote, String source) {

    public boolean contains(BuildNumber build) {
        return fromBuild.compareTo(build) <= 0 && build.compareTo(toBuild) < 0;
    }

    public Optional<LocalDate> supportEnded() {
        return Optional.ofNullable(endOfSupport);
    }
}
