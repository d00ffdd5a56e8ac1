/**
 * Whole server images built from a small {@link org.exhunt.testkit.image.Scenario}: the server's build, which logs
 * exist and how far they reach, the attack steps with their times and attacker addresses, the files left on disk
 * and the mitigations in place. {@link org.exhunt.testkit.image.ImageBuilder} writes the drive (ExSetup.exe, OWA
 * version folders, IIS, HttpProxy, ECP and OAB generator logs with benign traffic around the planted steps, event
 * logs, web shells, applicationHost.config) and an expected-verdict file that {@link org.exhunt.testkit.image.Oracle}
 * derives from the scenario alone, from the public descriptions of the attacks and the build table, never from
 * exhunt's own code. The same scenario and seed always give the same bytes: {@link org.exhunt.testkit.image.WriteExamples}
 * regenerates the committed example images, {@link org.exhunt.testkit.image.RandomScenarios} draws images no test
 * has seen before, {@link org.exhunt.testkit.image.LargeScenarios} scales one to a busy server's size for the scan
 * benchmark (logs kept for different spans, the install's files around them). {@link org.exhunt.testkit.image.ScanCheck}
 * is the one check of a scan against an expectation, for the example images' tests, the fresh images' and the
 * benchmark alike: it reads the scan's answer as data ({@link org.exhunt.testkit.image.ScanAnswer}, from the typed
 * result or from its JSON lines) and compares each finding's stage with the label the scenario gives its trace
 * ({@link org.exhunt.testkit.image.Stage}, the scenario's own words: nothing here classifies a finding).
 */
package org.exhunt.testkit.image;
