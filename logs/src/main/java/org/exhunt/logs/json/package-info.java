/**
 * JSON input: flat JSON lines, and the nested {@code Event.System/EventData} renderings of Windows events
 * (evtx_dump style, as in SigmaHQ's regression data: pretty-printed, several objects per file), flattened with
 * the {@code evtx} field names of docs/record-fields.md. Record type {@code json}.
 */
package org.exhunt.logs.json;
