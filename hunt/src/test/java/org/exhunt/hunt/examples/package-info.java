/**
 * The example images of {@code examples/} as tests see them: their expected-verdict files read back
 * ({@link org.exhunt.hunt.examples.ExpectedScan}), the comparison of a scan with them
 * ({@link org.exhunt.hunt.examples.ScanCheck}); shared with cli's tests through hunt's test jar.
 */
package org.exhunt.hunt.examples;
