/**
 * Evidence sources: what the user gives (a folder, a zip, a single file) seen as a server's drives. {@link
 * org.exhunt.evidence.Sources#open} is the entry point; every source hands out {@link
 * org.exhunt.evidence.EvidenceFile}s with their path as on the server ({@link
 * org.exhunt.evidence.DrivePath}) and reports what it could not read. Nothing here ever writes, renames or
 * follows a link out of the evidence. {@code collector} maps triage collectors' layouts to drives; {@code zip}
 * reads zip archives in place, as hostile input.
 */
package org.exhunt.evidence;
