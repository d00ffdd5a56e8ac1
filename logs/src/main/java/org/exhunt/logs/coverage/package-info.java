/**
 * Log coverage: for each log type, how far back and forward the records reach and which Exchange builds the
 * logs show, so verdicts can say what the logs can and cannot see.
 */
package org.exhunt.logs.coverage;
