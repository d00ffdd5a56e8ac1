/**
 * What the probe reads from Exchange's pages: the OWA logon page (title, asset version folders, headers) and the
 * eDiscovery export tool's ClickOnce manifest (the full build). Every page is attacker-controlled text, scanned
 * once, by hand, within the body cap: no regular expressions.
 */
package org.exhunt.probe.page;
