/**
 * The example images of {@code examples/} as tests see them ({@link org.exhunt.hunt.examples.ExampleImages}: each
 * image beside its expected-verdict file, read back by the test kit's {@code ExpectedScan} and compared with a scan by
 * its {@code ScanCheck}); shared with cli's tests through hunt's test jar.
 */
package org.exhunt.hunt.examples;
