package org.exhunt.hunt.ioc;

/** A file known by its SHA-256 (lower-case hex), with a name, the campaign it belongs to, and its source. */
public record HashIndicator(String sha256, String name, String campaign, String source) {}
