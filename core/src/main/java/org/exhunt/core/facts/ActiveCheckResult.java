package org.exhunt.core.facts;

import java.io.Serializable;

/**
 * One exploit-primitive check a probe ran ({@code --active}).
 *
 * @param check  {@code ProxyLogon SSRF}, {@code ProxyShell Autodiscover SSRF}
 * @param result {@code REACHABLE}, {@code ABORTED}, {@code NOT_REACHABLE} or {@code INCONCLUSIVE}
 * @param seen   what was seen ({@code X-CalculatedBETarget: localhost}, {@code HTTP 400})
 * @param url    the URL requested
 */
public record ActiveCheckResult(String check, String result, String seen, String url) implements Serializable {}
