/**
 * Readers for Exchange's own logs: the log-writer CSV logs (HttpProxy, ECP Server and Activity, EWS, Remote
 * PowerShell, Message Tracking and any other {@code #Log-type}), one {@link org.exhunt.logs.exchange.ExchangeLogReader}
 * per {@link org.exhunt.logs.exchange.ExchangeLogKind}, and the free-text OABGeneratorLog.
 */
package org.exhunt.logs.exchange;
