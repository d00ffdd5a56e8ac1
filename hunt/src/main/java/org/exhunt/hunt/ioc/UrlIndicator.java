package org.exhunt.hunt.ioc;

/**
 * A URL path known to serve a web shell or exploit ({@code /owa/auth/pxh4HG1v.ashx}); a full URL's host and
 * query are not kept, since a server's logs and files know it by path.
 *
 * @param path the path in lower case, starting with '/'
 */
public record UrlIndicator(String path, IndicatorSource source) {}
