/**
 * Which Exchange build a server runs, from its evidence: the file version of {@code Bin\ExSetup.exe} (read by
 * {@link org.exhunt.hunt.build.PeVersionReader}, a bounds-checked PE version-resource reader), the OWA version
 * folders, and builds other readers saw in log headers ({@link org.exhunt.hunt.build.BuildEvidence#add}).
 * {@link org.exhunt.hunt.build.DetectedBuild} keeps every sighting, the one chosen and the disagreements.
 */
package org.exhunt.hunt.build;
