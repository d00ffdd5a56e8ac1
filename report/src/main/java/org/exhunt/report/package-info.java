/**
 * Writers that turn {@link org.exhunt.core.ServerResult}s into something people and tools act on: one
 * class per format, each taking the run's {@link org.exhunt.core.RunInfo} and the results.
 */
package org.exhunt.report;
