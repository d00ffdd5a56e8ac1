/** Readers that turn log formats (IIS W3C, Exchange CSV logs, EVTX) into {@link org.exhunt.core.Record}s. */
package org.exhunt.logs;
