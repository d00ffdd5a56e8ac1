/**
 * HTTP for the probe, on {@code java.net.http}: one client for a run, redirects never followed, every
 * certificate accepted (fingerprinting must see self-signed and expired servers) with its facts kept, bodies
 * capped, failures classified (no answer, timeout, TLS, reset, garbage), retries with backoff and a rate limit.
 */
package org.exhunt.probe.http;
