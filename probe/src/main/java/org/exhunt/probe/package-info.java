/**
 * Remote fingerprinting of Exchange servers over the network: version and exposure of many hosts.
 * {@link org.exhunt.probe.Probe} runs the targets with bounded concurrency, timeouts, retries and a rate limit;
 * {@link org.exhunt.probe.TargetProbe} is one target's sequence of requests (EXCHANGE.md §d): the safe
 * fingerprinting checks always, the exploit-primitive checks only when asked ({@code --active}); each result is a
 * {@link org.exhunt.core.ServerResult} with one exposure verdict per row of the knowledge base.
 */
package org.exhunt.probe;
