/**
 * Indicators of compromise: what they are ({@link org.exhunt.hunt.ioc.FileIndicator},
 * {@link org.exhunt.hunt.ioc.AddressIndicator}, {@link org.exhunt.hunt.ioc.UrlIndicator}), where they come from
 * ({@link org.exhunt.hunt.ioc.IndicatorSource}), how they are read (CSV lists: {@link org.exhunt.hunt.ioc.IocCsv};
 * STIX 2.1 bundles: {@code stix}; a user's file of either: {@link org.exhunt.hunt.ioc.IocFiles}) and the set a
 * hunt matches against ({@link org.exhunt.hunt.ioc.IocSet}). Matching against evidence is the detectors' job
 * ({@code detect}); nothing here reads a server's files.
 */
package org.exhunt.hunt.ioc;
