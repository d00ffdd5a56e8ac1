/**
 * Test helpers shared with other modules' tests: a headless Chromium for the HTML report, and the SARIF
 * schema and ECS field checks, so that cli's scan of the example images is held to the same references.
 */
package org.exhunt.report.testing;
