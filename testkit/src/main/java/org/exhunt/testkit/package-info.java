/**
 * Test and benchmark support that is not part of the shipped tool: writers of evidence (EVTX files, IIS and
 * Exchange logs of any size, PE files with version resources) for tests, example images and benchmarks.
 * Nothing in {@code cli} depends on this module, so none of it reaches the release jar.
 */
package org.exhunt.testkit;
