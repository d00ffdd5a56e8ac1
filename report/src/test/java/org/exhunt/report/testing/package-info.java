/** Test helpers shared with other modules' tests: a headless Chromium for the HTML report. */
package org.exhunt.report.testing;
