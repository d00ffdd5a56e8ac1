/**
 * Writes valid Windows event log ({@code .evtx}) files from event descriptions, for tests, example
 * images and benchmarks: {@link org.exhunt.testkit.evtx.EvtxEvent} describes an event (provider, channel,
 * EventID, time, EventData by name or unnamed, UserData), {@link org.exhunt.testkit.evtx.EvtxValue} a typed
 * value, {@link org.exhunt.testkit.evtx.EvtxWriter} writes files of any size a chunk at a time, and
 * {@link org.exhunt.testkit.evtx.EventSamples} holds the events of the Exchange attacks exhunt hunts for.
 *
 * <p>Files are laid out as Windows lays them out: 64 KiB chunks, each template defined inline in the first
 * record that uses it and referenced afterwards, names stored once per chunk, the chunk string and template
 * tables filled, every checksum right. Two event layouts are written: EventData inside the event's template
 * (as Sysmon writes it) and EventData as a nested binary XML value with its own template (as the Security
 * and classic Application logs do), so readers are tested on both. Independent readers open the files as they
 * open real Windows logs: libevtx's {@code evtxexport} and python-evtx read every shape the test kit writes with
 * the values exhunt reads (logs' {@code ForeignReadersDifferentialTest}).
 */
package org.exhunt.testkit.evtx;
