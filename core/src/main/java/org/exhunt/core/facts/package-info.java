/**
 * What a run found out about one server besides its verdicts and findings, as data ({@link
 * org.exhunt.core.facts.ServerFacts}): the build and where it was read, the install, mitigations, what the logs
 * cover, what was examined and what was not, the story of each row in time, what the probe saw. Reports turn them
 * into words; every record here is plain data (records, lists, sorted maps, instants, enums) that Jackson writes and
 * reads as it is, so that a result can travel between machines and be loaded into tables.
 */
package org.exhunt.core.facts;
