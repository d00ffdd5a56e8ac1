package org.exhunt.cli;

/** A Sigma rule and the Sysmon event it fires on (SigmaHQ's JSON rendering of EVTX), shared by the CLI's Sigma tests. */
final class SigmaSamples {

    private SigmaSamples() {}

    static final String WHOAMI_RULE = """
            title: Whoami Execution
            id: 11111111-2222-3333-4444-555555555555
            level: high
            logsource: {product: windows, category: process_creation}
            detection:
                selection:
                    Image|endswith: '\\whoami.exe'
                condition: selection
            """;

    /** A Sysmon process creation; {@code %s} is the image, escaped for JSON. */
    static final String SYSMON_EVENT = """
            {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}}, "EventID": 1,
              "Channel": "Microsoft-Windows-Sysmon/Operational"}, "EventData": {"Image": "%s"}}}
            """;

    static final String WHOAMI_EVENT = SYSMON_EVENT.formatted("C:\\\\Windows\\\\System32\\\\whoami.exe");
}
