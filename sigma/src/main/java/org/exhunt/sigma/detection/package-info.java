/**
 * Compiled detections: search identifiers and conditions as a tree of {@link
 * org.exhunt.sigma.detection.Matcher}s over one record, with the per-record {@link
 * org.exhunt.sigma.detection.Evaluation} that caches field values. {@link
 * org.exhunt.sigma.detection.DetectionCompiler} is the entry point.
 */
package org.exhunt.sigma.detection;
