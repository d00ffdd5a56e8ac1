/**
 * Test helpers shared with other modules' tests: a headless Chromium for the HTML report, the SARIF
 * schema, the ECS field checks and exhunt's own JSON lines schema, so that cli's scan of the example images is held to the same references.
 */
package org.exhunt.report.testing;
