/**
 * A server's exposure per verdict row: its build ({@code build}) and mitigations ({@code mitigation}) put
 * through the knowledge base. {@link org.exhunt.hunt.exposure.ExposureScan} is the entry point the hunt feeds
 * with evidence files; {@link org.exhunt.hunt.exposure.ServerExposure} is what the verdicts take.
 */
package org.exhunt.hunt.exposure;
