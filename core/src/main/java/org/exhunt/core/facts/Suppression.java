package org.exhunt.core.facts;

import java.io.Serializable;

/**
 * What one allowlist entry suppressed in a scan.
 *
 * @param entry    the entry as written ({@code rule:exhunt.ioc.attacker-ips})
 * @param findings how many findings it hid
 */
public record Suppression(String entry, long findings) implements Serializable {}
