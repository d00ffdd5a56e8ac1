/**
 * The Exchange knowledge base: builds, the updates and CVEs each build has fixed, products and their support,
 * the verdict rows with the date each was first exploited, and the URL-rewrite mitigations.
 *
 * <p>{@link org.exhunt.kb.KnowledgeBase#load} reads the data ({@code rules/kb/}), {@link
 * org.exhunt.kb.KnowledgeBase#assess} answers for a {@link org.exhunt.kb.BuildNumber}, and {@link
 * org.exhunt.kb.ExposureAssessment} applies the mitigations found on a server. Depends on {@code core} only.
 */
package org.exhunt.kb;
