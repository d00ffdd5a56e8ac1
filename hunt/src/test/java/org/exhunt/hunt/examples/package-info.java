/**
 * The example images of {@code examples/} as tests see them: their expected-verdict files read back
 * ({@link org.exhunt.hunt.examples.ExpectedScan}), the comparison of a scan with them
 * ({@link org.exhunt.hunt.examples.ScanCheck}), and today's known gaps of the scan that the images show
 * ({@link org.exhunt.hunt.examples.KnownGaps}); shared with cli's tests through hunt's test jar.
 */
package org.exhunt.hunt.examples;
