/**
 * Detectors the hunt runs: {@link org.exhunt.hunt.detect.FileDetector}s on the content of files,
 * {@link org.exhunt.hunt.detect.RecordDetector}s on log records. Each engine (hash lists, YARA, Sigma) is
 * plugged in through one of these two shapes.
 */
package org.exhunt.hunt.detect;
