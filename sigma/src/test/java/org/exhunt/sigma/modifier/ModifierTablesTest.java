package org.exhunt.sigma.modifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.exhunt.core.Record;
import org.exhunt.sigma.RuleAssertAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One table per modifier category: a selection (one YAML flow map), a record ({@code name=value} pairs
 * separated by {@code ;}), and whether the rule fires. Values from the specification's modifier appendix
 * where it gives them.
 */
class ModifierTablesTest {

    private static boolean fires(String selection, String record) {
        Record r = RuleAssertAccess.record(record.isEmpty() ? new String[0] : record.split(";"));
        return RuleAssertAccess.fires("selection: " + selection + "\ncondition: selection", r);
    }

    @ParameterizedTest(name = "{index}: {0} on {1}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '"', textBlock = """
            {Image: 'C:\\Windows\\System32\\whoami.exe'}            ;; Image=c:\\windows\\system32\\WHOAMI.EXE       ;; true
            {Image: 'C:\\Windows\\System32\\whoami.exe'}            ;; Image=C:\\Windows\\System32\\whoami.exe.bak   ;; false
            {CommandLine|contains: 'evil'}                           ;; CommandLine=run EVIL now                      ;; true
            {CommandLine|contains: 'evil'}                           ;; CommandLine=good                              ;; false
            {CommandLine|startswith: 'adm'}                          ;; CommandLine=Administrator                     ;; true
            {CommandLine|startswith: 'adm'}                          ;; CommandLine=sysadm                            ;; false
            {Image|endswith: '\\cmd.exe'}                            ;; Image=C:\\Windows\\cmd.exe                     ;; true
            {Image|endswith: '\\cmd.exe'}                            ;; Image=C:\\Windows\\xcmd.exe                    ;; false
            {Image|contains: 'a*c'}                                  ;; Image=xxabbbcxx                               ;; true
            {EventID: 4688}                                          ;; EventID=4688                                  ;; true
            {EventID: 4688}                                          ;; EventID=0x1250                                ;; true
            {EventID: 4688}                                          ;; EventID=46880                                 ;; false
            {EventID: [517, 1102]}                                   ;; EventID=1102                                  ;; true
            {TicketEncryption: 0x17}                                 ;; TicketEncryption=0x17                         ;; true
            {Enabled: true}                                          ;; Enabled=True                                  ;; true
            {Field: ''}                                              ;; Field=                                        ;; true
            {Field: ''}                                              ;; Field=x                                       ;; false
            {Field: null}                                            ;; Other=x                                       ;; true
            {Field: null}                                            ;; Field=x                                       ;; false
            {Field: [null, 'x']}                                     ;; Field=x                                       ;; true
            """)
    void string(String selection, String record, boolean expected) {
        assertThat(fires(selection, record)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{index}: {0} on {1}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '"', textBlock = """
            {CommandLine|contains|all: ['-enc', 'bypass']}           ;; CommandLine=ps -ENC x -ep bypass               ;; true
            {CommandLine|contains|all: ['-enc', 'bypass']}           ;; CommandLine=ps -enc x                          ;; false
            {CommandLine|contains: ['-enc', 'bypass']}               ;; CommandLine=ps -enc x                          ;; true
            {Image|cased: 'WhoAmI'}                                  ;; Image=WhoAmI                                   ;; true
            {Image|cased: 'WhoAmI'}                                  ;; Image=whoami                                   ;; false
            {Image|contains|cased: 'Ami'}                            ;; Image=WhoAMI                                   ;; false
            {User|neq: 'SYSTEM'}                                     ;; User=alice                                     ;; true
            {User|neq: 'SYSTEM'}                                     ;; User=system                                    ;; false
            {User|neq: ['SYSTEM', 'LOCAL SERVICE']}                  ;; User=local service                             ;; false
            {User|neq: 'SYSTEM'}                                     ;; Other=x                                        ;; false
            {PasswordLastSet|exists: true}                           ;; PasswordLastSet=                               ;; true
            {PasswordLastSet|exists: true}                           ;; Other=x                                        ;; false
            {PasswordLastSet|exists: false}                          ;; Other=x                                        ;; true
            """)
    void generic(String selection, String record, boolean expected) {
        assertThat(fires(selection, record)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{index}: {0} on {1}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '"', textBlock = """
            {CommandLine|re: 'a[0-9]+z'}                             ;; CommandLine=xa123zx                            ;; true
            {CommandLine|re: 'a[0-9]+z'}                             ;; CommandLine=A123Z                              ;; false
            {CommandLine|re|i: 'a[0-9]+z'}                           ;; CommandLine=A123Z                              ;; true
            {CommandLine|re: '^abc$'}                                ;; CommandLine=abc                                ;; true
            {CommandLine|re: '(?i)^ABC'}                             ;; CommandLine=abcdef                             ;; true
            {CommandLine|re: 'a.b'}                                  ;; "CommandLine=a\nb"                             ;; false
            {CommandLine|re|s: 'a.b'}                                ;; "CommandLine=a\nb"                             ;; true
            {CommandLine|re: '^b'}                                   ;; "CommandLine=a\nb"                             ;; false
            {CommandLine|re|m: '^b'}                                 ;; "CommandLine=a\nb"                             ;; true
            {CommandLine|re: 'C:\\\\Windows\\\\.*\\.exe'}           ;; CommandLine=C:\\Windows\\x.exe                  ;; true
            {CommandLine|re: '(a+)+$'}                               ;; CommandLine=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab ;; false
            """)
    void regex(String selection, String record, boolean expected) {
        assertThat(fires(selection, record.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{index}: {0} on {1}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '"', textBlock = """
            {CommandLine|base64: 'Invoke-Mimikatz'}                   ;; CommandLine=SW52b2tlLU1pbWlrYXR6              ;; true
            {CommandLine|base64|contains: 'Invoke-Mimikatz'}          ;; CommandLine=-e SW52b2tlLU1pbWlrYXR6=          ;; true
            {CommandLine|base64offset|contains: '/bin/bash'}          ;; CommandLine=xL2Jpbi9iYXNox                    ;; true
            {CommandLine|base64offset|contains: '/bin/bash'}          ;; CommandLine=x9iaW4vYmFzax                     ;; true
            {CommandLine|base64offset|contains: '/bin/bash'}          ;; CommandLine=xvYmluL2Jhc2x                     ;; true
            {CommandLine|base64offset|contains: '/bin/bash'}          ;; CommandLine=L2Jpbi9iYX                        ;; false
            {CommandLine|wide|base64|contains: 'ping'}                ;; CommandLine=-enc cABpAG4AZwA=                 ;; true
            {CommandLine|utf16le|base64|contains: 'ping'}             ;; CommandLine=-enc cABpAG4AZwA=                 ;; true
            {CommandLine|utf16be|base64: 'ab'}                        ;; CommandLine=AGEAYg==                          ;; true
            {CommandLine|utf16|base64: 'ab'}                          ;; CommandLine=//5hAGIA                          ;; true
            """)
    void encoding(String selection, String record, boolean expected) {
        assertThat(fires(selection, record)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{index}: {0} on {1}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '"', textBlock = """
            {CommandLine|windash|contains: ' -exec '}                 ;; CommandLine=x /exec y                          ;; true
            {CommandLine|contains|windash: ' -exec '}                 ;; CommandLine=x –exec y                          ;; true
            {CommandLine|windash|contains: ' -exec '}                 ;; CommandLine=x —exec y                          ;; true
            {CommandLine|windash|contains: ' -exec '}                 ;; CommandLine=x ―exec y                          ;; true
            {CommandLine|windash|contains: ' -exec '}                 ;; CommandLine=x +exec y                          ;; false
            {CommandLine|windash|contains: 'a-b'}                     ;; CommandLine=a/b                                ;; false
            {CommandLine|windash|contains|all: [' -a ', ' -b ']}      ;; CommandLine=x /a /b y                          ;; true
            """)
    void windash(String selection, String record, boolean expected) {
        assertThat(fires(selection, record)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{index}: {0} on {1}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '"', textBlock = """
            {Size|gt: 100}                                            ;; Size=101                                      ;; true
            {Size|gt: 100}                                            ;; Size=100                                      ;; false
            {Size|gte: 100}                                           ;; Size=100                                      ;; true
            {Size|lt: 100}                                            ;; Size=99.5                                     ;; true
            {Size|lte: 100}                                           ;; Size=0x64                                     ;; true
            {Size|lt: 100}                                            ;; Size=abc                                      ;; false
            {Size|neq: 100}                                           ;; Size=101                                      ;; true
            {Size|neq: 100}                                           ;; Size=100                                      ;; false
            """)
    void numeric(String selection, String record, boolean expected) {
        assertThat(fires(selection, record)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{index}: {0} on {1}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '"', textBlock = """
            {UtcTime|hour: 3}                                         ;; UtcTime=2021-03-02 03:05:06.123               ;; true
            {UtcTime|hour|gte: 22}                                    ;; UtcTime=2021-03-02T23:05:06Z                  ;; true
            {UtcTime|hour|gte: 22}                                    ;; UtcTime=2021-03-02T21:05:06Z                  ;; false
            {UtcTime|minute: 5}                                       ;; UtcTime=2021-03-02T23:05:06Z                  ;; true
            {UtcTime|day: 2}                                          ;; UtcTime=2021-03-02T23:05:06Z                  ;; true
            {UtcTime|month: 3}                                        ;; UtcTime=2021-03-02T23:05:06Z                  ;; true
            {UtcTime|year: 2021}                                      ;; UtcTime=2021-03-02T23:05:06Z                  ;; true
            {UtcTime|week: 9}                                         ;; UtcTime=2021-03-02T23:05:06Z                  ;; true
            {UtcTime|year: 2021}                                      ;; UtcTime=yesterday                             ;; false
            """)
    void time(String selection, String record, boolean expected) {
        assertThat(fires(selection, record)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{index}: {0} on {1}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '"', textBlock = """
            {DestinationIp|cidr: 10.0.0.0/8}                          ;; DestinationIp=10.200.3.4                      ;; true
            {DestinationIp|cidr: 10.0.0.0/8}                          ;; DestinationIp=11.0.0.1                        ;; false
            {DestinationIp|cidr: 192.168.1.0/25}                      ;; DestinationIp=192.168.1.127                   ;; true
            {DestinationIp|cidr: 192.168.1.0/25}                      ;; DestinationIp=192.168.1.128                   ;; false
            {DestinationIp|cidr: 'fe80::/10'}                         ;; DestinationIp=fe80::1%eth0                    ;; true
            {DestinationIp|cidr: 'fe80::/10'}                         ;; DestinationIp=fec0::1                         ;; false
            {DestinationIp|cidr: '::ffff:0:0/96'}                     ;; DestinationIp=::ffff:10.1.2.3                 ;; true
            {DestinationIp|cidr: 10.0.0.0/8}                          ;; DestinationIp=::ffff:10.1.2.3                 ;; true
            {DestinationIp|cidr: 10.0.0.0/8}                          ;; DestinationIp=::ffff:a01:203                  ;; true
            {DestinationIp|cidr: 10.0.0.0/8}                          ;; DestinationIp=::ffff:b01:203                  ;; false
            {DestinationIp|cidr: '::ffff:10.0.0.0/104'}               ;; DestinationIp=10.1.2.3                        ;; true
            {DestinationIp|cidr: '::ffff:10.0.0.0/104'}               ;; DestinationIp=11.1.2.3                        ;; false
            {DestinationIp|cidr: ['10.0.0.0/8', '172.16.0.0/12']}     ;; DestinationIp=172.31.255.255                  ;; true
            {DestinationIp|cidr: 10.0.0.0/8}                          ;; DestinationIp=localhost                       ;; false
            """)
    void cidr(String selection, String record, boolean expected) {
        assertThat(fires(selection, record)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{index}: {0} on {1}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '"', textBlock = """
            {TargetUserName|fieldref: SubjectUserName}                ;; TargetUserName=Alice;SubjectUserName=alice     ;; true
            {TargetUserName|fieldref: SubjectUserName}                ;; TargetUserName=Alice;SubjectUserName=bob       ;; false
            {TargetUserName|fieldref: SubjectUserName}                ;; TargetUserName=Alice                           ;; false
            {Image|fieldref|endswith: OriginalFileName}               ;; Image=C:\\x\\cmd.exe;OriginalFileName=cmd.exe   ;; true
            {Image|fieldref|neq: ParentImage}                         ;; Image=a;ParentImage=b                          ;; true
            {Image|fieldref|neq: ParentImage}                         ;; Image=a;ParentImage=a                          ;; false
            """)
    void fieldref(String selection, String record, boolean expected) {
        assertThat(fires(selection, record)).isEqualTo(expected);
    }
}
