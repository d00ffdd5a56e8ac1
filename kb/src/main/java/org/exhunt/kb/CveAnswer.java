package org.exhunt.kb;

/** One CVE's status for a build. */
public record CveAnswer(String cve, CveStatus status) {}
