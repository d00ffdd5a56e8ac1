/**
 * What to do now on a server (docs/ARCHITECTURE.md, "What to do now"): the response steps of the rule pack
 * ({@code rules/response/steps.csv}: when each applies, what it names, its wording and sources), read by
 * {@link org.exhunt.hunt.response.ResponseSteps} and applied to a server's verdicts, build and impact.
 */
package org.exhunt.hunt.response;
