/**
 * The scan benchmark ({@code bench/hunt.sh}): a realistic Exchange server image ({@link org.exhunt.bench.hunt.ServerImage}:
 * the test kit's {@code LargeScenarios.twoIntrusions} written by its image builder: an Exchange 2016 install whose web
 * folders hold generated content, the rest of the drive listed but empty as sparse files of real sizes, about a gigabyte
 * of IIS, HttpProxy, ECP, OAB generator and Windows event logs, two intrusions planted across them), a findings flood
 * ({@link org.exhunt.bench.hunt.FloodImage}), and the check of a scan's answer on each
 * ({@link org.exhunt.bench.hunt.ReportCheck}: the test kit's {@code ScanCheck} against its oracle, and the benchmark's
 * own counts from the report's facts), so that a fast wrong scan fails.
 */
package org.exhunt.bench.hunt;
