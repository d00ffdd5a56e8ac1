/**
 * Generated IIS and Exchange logs (HttpProxy, ECP Server, OABGeneratorLog, EWS, remote PowerShell cmdlets,
 * Message Tracking) for tests, example images and benchmarks: {@link org.exhunt.testkit.logs.LogGenerator}
 * produces realistic traffic of any size as a stream, with {@link org.exhunt.testkit.logs.PlantedEvent}s
 * (ProxyLogon, ProxyShell, web-shell writes and requests, mailbox reads, cmdlets, mail sent out) written the way
 * the attacks left them.
 */
package org.exhunt.testkit.logs;
