/**
 * Generated IIS and Exchange logs for tests, example images and benchmarks: {@link org.exhunt.testkit.logs.LogGenerator}
 * produces realistic traffic of any size as a stream, with {@link org.exhunt.testkit.logs.PlantedEvent}s
 * (ProxyLogon, ProxyShell, web-shell writes and requests) written the way the attacks left them.
 */
package org.exhunt.testkit.logs;
