/**
 * An Exchange emulator on loopback for the probe's tests and benchmark: many ports, each a server that answers
 * as EXCHANGE.md §d describes for a given build (OWA logon page with asset folders and {@code X-OWA-Version},
 * the export tool's manifest, the {@code /ecp/<build>/} folders, the ProxyLogon SSRF and ProxyShell Autodiscover
 * primitives, EOMT's aborted requests) or fails in a given way (silence, garbage, plain HTTP on a TLS port, resets,
 * slowness, redirects off the target). Keystores: {@code valid.p12} and {@code expired.p12} (see README.md).
 */
package org.exhunt.testkit.emulator;
