/**
 * Mitigations in front of Exchange, read from IIS configuration: the URL Rewrite rules of EOMT and EOMTv2
 * (recognised by content against the knowledge base's {@code url-rewrite-mitigations.csv}) and the Extended
 * Protection settings of the virtual directories. {@link org.exhunt.hunt.mitigation.MitigationFinder} is the
 * entry point; {@link org.exhunt.hunt.mitigation.IisConfigReader} parses one file, hostile input included.
 */
package org.exhunt.hunt.mitigation;
