/**
 * How the folder layouts of triage collectors map to a server's drives. {@link
 * org.exhunt.evidence.collector.LayoutDetector#detect} looks at the first levels of a folder or archive
 * ({@link org.exhunt.evidence.collector.Tree}) and returns a {@link
 * org.exhunt.evidence.collector.CollectionLayout}, which places every stored path on a drive, or outside
 * the drives (the collector's own files), or refuses it.
 *
 * <p>Layouts recognised: a copy of a drive ({@code Windows}, {@code Program Files}, {@code inetpub}... at its
 * top); drive-letter folders ({@code C/}, {@code D/} or {@code C:/}: KAPE target output and CyLR zips, under
 * any prefix such as KAPE's {@code tout/}); Velociraptor collections ({@code uploads/<accessor>/<volume>/},
 * URL-encoded names). See docs/evidence-handling.md.
 */
package org.exhunt.evidence.collector;
