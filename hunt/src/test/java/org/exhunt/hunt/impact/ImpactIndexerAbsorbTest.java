package org.exhunt.hunt.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.core.testing.JavaSerialization.shipped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.exhunt.core.Limits;
import org.exhunt.core.MapRecord;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the impact keeps of a server's logs read in parts, each part's index shipped as a distributed run ships it
 * (Java serialisation) and absorbed by another, is what one index fed every record keeps, whatever the order the
 * records and the parts came in: differential, against the one index. Past a cap what is kept depends on that order:
 * absorbing says so (false) and changes nothing.
 */
class ImpactIndexerAbsorbTest {

    private static final Instant T = Instant.parse("2021-03-03T06:00:00Z");
    private static final List<String> CLIENTS = List.of("167.99.168.251", "104.140.114.110", "10.1.2.10");
    private static final List<String> MAILBOXES = List.of("ceo@contoso.com", "cfo@contoso.com", "hr@contoso.com");
    /** The same accounts as different logs spell them. */
    private static final List<String> USERS = List.of("alice", "Alice", "bob", "svc-backup", "SVC-Backup");
    private static final List<String> ACTIONS = List.of("FindItem", "GetItem", "GetAttachment", "SyncFolderItems");
    /** The clients of the tests' records: the fixed ones and those of the cap tests. */
    private static final Set<String> ALL_CLIENTS = Set.of("167.99.168.251", "104.140.114.110", "10.1.2.10", "10.0.0.1",
            "10.0.0.2");

    /** Logs read in two or three parts, the records of each in shuffled order, give what one index of all gives. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20210303, 20210821})
    void partsReadApartAndAbsorbedInAnyOrderKeepWhatOneIndexKeeps(long seed) throws Exception {
        Random random = new Random(seed);
        List<Record> records = records(random, 600);
        List<Record> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, random);
        ImpactIndexer whole = indexed(shuffled);

        int parts = 2 + random.nextInt(2);
        Map<String, Integer> partOfFile = new HashMap<>();
        List<List<Record>> split = new ArrayList<>();
        for (int i = 0; i < parts; i++) split.add(new ArrayList<>());
        for (Record r : shuffled) split.get(partOfFile.computeIfAbsent(r.source().file(), f -> random.nextInt(parts))).add(r);
        List<ImpactIndexer> read = new ArrayList<>();
        for (List<Record> part : split) read.add(shipped(indexed(part)));
        Collections.shuffle(read, random);

        ImpactIndexer joined = read.get(0);
        for (ImpactIndexer part : read.subList(1, read.size())) assertThat(joined.absorb(part)).isTrue();

        assertThat(state(joined)).isEqualTo(state(whole));
        assertThat(joined.requests.from(ALL_CLIENTS)).as("requests kept").isNotEmpty();
        assertThat(joined.windows.logons()).as("logons kept").isNotEmpty();
        assertThat(joined.cmdlets.runs()).as("cmdlets kept").isNotEmpty();
        assertThat(joined.mail.sent()).as("mail kept").isNotEmpty();
        assertThat(joined.windows.events()).as("account, task and service events kept").isNotEmpty();
    }

    @Test
    void requestLogRefusesPartsTogetherPastTheSummaryCap() {
        int half = Limits.IMPACT_REQUEST_SUMMARIES / 2 + 1;
        RequestLog a = new RequestLog();
        RequestLog b = new RequestLog();
        for (int i = 0; i < half; i++) {
            a.ews(ews(T, "10.0.0.1", "user" + i + "@contoso.com", "GetItem", "a.log", i));
            b.ews(ews(T, "10.0.0.2", "user" + i + "@contoso.com", "GetItem", "b.log", i));
        }
        assertThat(a.dropped()).isZero();
        assertThat(b.dropped()).isZero();
        assertRefusedUnchanged(a, b, RequestLog::absorb, ImpactIndexerAbsorbTest::requests);
    }

    @Test
    void requestLogRefusesAPartThatDroppedRequests() {
        RequestLog full = new RequestLog();
        for (int i = 0; i <= Limits.IMPACT_REQUEST_SUMMARIES; i++) {
            full.ews(ews(T, "10.0.0.1", "user" + i + "@contoso.com", "GetItem", "a.log", i));
        }
        assertThat(full.dropped()).isEqualTo(1);
        RequestLog other = new RequestLog();
        other.ews(ews(T, "10.0.0.2", "ceo@contoso.com", "GetItem", "b.log", 1));
        assertRefusedUnchanged(other, full, RequestLog::absorb, ImpactIndexerAbsorbTest::requests);
    }

    @Test
    void requestLogJoinsTheActionsOfASummaryOnlyWhileTheyAreAllNamed() {
        RequestLog a = new RequestLog();
        RequestLog b = new RequestLog();
        for (int i = 0; i < 5; i++) a.ews(ews(T, "10.0.0.1", "ceo@contoso.com", "ActionA" + i, "a.log", i));
        for (int i = 0; i < 2; i++) b.ews(ews(T, "10.0.0.1", "ceo@contoso.com", "ActionB" + i, "b.log", i));
        RequestLog c = new RequestLog();
        for (int i = 0; i < 4; i++) c.ews(ews(T, "10.0.0.1", "ceo@contoso.com", "ActionC" + i, "c.log", i));

        assertThat(a.absorb(b)).as("7 actions named").isTrue();
        assertThat(a.from(Set.of("10.0.0.1")).get(0).getValue().actions()).hasSize(7).doesNotContainKey("other");
        assertRefusedUnchanged(a, c, RequestLog::absorb, ImpactIndexerAbsorbTest::requests);
    }

    @Test
    void cmdletLogRefusesPartsTogetherPastTheCap() {
        CmdletLog a = new CmdletLog();
        CmdletLog b = new CmdletLog();
        for (int i = 0; i < Limits.IMPACT_EVENTS / 2 + 1; i++) {
            a.rps(rps(T.plusSeconds(i), "a.log", i));
            b.rps(rps(T.plusSeconds(i), "b.log", i));
        }
        assertThat(a.dropped()).isZero();
        assertRefusedUnchanged(a, b, CmdletLog::absorb, ImpactIndexerAbsorbTest::cmdlets);
        CmdletLog small = new CmdletLog();
        small.rps(rps(T, "c.log", 1));
        assertThat(small.absorb(new CmdletLog())).isTrue();
        assertThat(new CmdletLog().absorb(small)).isTrue();
    }

    @Test
    void outboundMailRefusesPartsTogetherPastTheCapPerSenderAndDay() {
        OutboundMail a = new OutboundMail();
        OutboundMail b = new OutboundMail();
        OutboundMail sameDay = new OutboundMail();
        OutboundMail nextDay = new OutboundMail();
        int n = Limits.IMPACT_MAIL_PER_SENDER_DAY / 2;
        for (int i = 0; i < n; i++) {
            a.observe(send(T.plusSeconds(i), "ceo@contoso.com", "a.log", i));
            b.observe(send(T.plusSeconds(60 + i), "ceo@contoso.com", "b.log", i));
            sameDay.observe(send(T.plusSeconds(120), "ceo@contoso.com", "c.log", i));
            nextDay.observe(send(T.plusSeconds(86_400), "ceo@contoso.com", "d.log", i));
        }
        assertThat(a.absorb(b)).as("exactly the cap").isTrue();
        assertThat(a.sent()).hasSize(2 * n);
        assertThat(a.absorb(nextDay)).as("another day").isTrue();
        assertRefusedUnchanged(a, sameDay, OutboundMail::absorb, ImpactIndexerAbsorbTest::mail);
    }

    @Test
    void outboundMailRefusesPartsTogetherPastTheCapInAll() {
        OutboundMail a = new OutboundMail();
        OutboundMail b = new OutboundMail();
        int perDay = Limits.IMPACT_MAIL_PER_SENDER_DAY;
        int senders = Limits.IMPACT_OUTBOUND_MAIL / 2 / perDay + 1;   // each part holds more than half the cap
        for (int s = 0; s < senders; s++) {
            for (int i = 0; i < perDay; i++) {
                a.observe(send(T, "a" + s + "@contoso.com", "a.log", (long) s * perDay + i));
                b.observe(send(T, "b" + s + "@contoso.com", "b.log", (long) s * perDay + i));
            }
        }
        assertThat(a.dropped() + b.dropped()).isZero();
        assertRefusedUnchanged(a, b, OutboundMail::absorb, ImpactIndexerAbsorbTest::mail);
    }

    @Test
    void windowsEventsRefusePartsTogetherPastTheAccountCap() {
        WindowsEvents a = new WindowsEvents();
        WindowsEvents b = new WindowsEvents();
        for (int i = 0; i < Limits.IMPACT_LOGON_ACCOUNTS / 2 + 1; i++) {
            a.observe(logon(T, "a" + i, "2", "a.evtx", i));
            b.observe(logon(T, "b" + i, "2", "b.evtx", i));
        }
        assertThat(a.logonsDropped()).isZero();
        assertRefusedUnchanged(a, b, WindowsEvents::absorb, ImpactIndexerAbsorbTest::windows);
    }

    @Test
    void windowsEventsRefusePartsTogetherPastThePrivilegedAccountCap() {
        WindowsEvents a = new WindowsEvents();
        WindowsEvents b = new WindowsEvents();
        for (int i = 0; i < Limits.IMPACT_LOGON_ACCOUNTS / 2 + 1; i++) {
            a.observe(event("Security", "4672", T, "a.evtx", i, "SubjectUserName", "a" + i, "SubjectDomainName", "CONTOSO"));
            b.observe(event("Security", "4672", T, "b.evtx", i, "SubjectUserName", "b" + i, "SubjectDomainName", "CONTOSO"));
        }
        assertRefusedUnchanged(a, b, WindowsEvents::absorb, w -> List.of(windows(w), w.privileged("CONTOSO\\b0")));
    }

    @Test
    void windowsEventsRefusePartsTogetherPastTheEventCap() {
        WindowsEvents a = new WindowsEvents();
        WindowsEvents b = new WindowsEvents();
        for (int i = 0; i < Limits.IMPACT_EVENTS / 2 + 1; i++) {
            a.observe(event("System", "7045", T, "a.evtx", i, "ServiceName", "svc" + i, "ImagePath", "x.exe"));
            b.observe(event("System", "7045", T, "b.evtx", i, "ServiceName", "svc" + i, "ImagePath", "x.exe"));
        }
        assertThat(a.eventsDropped()).isZero();
        assertRefusedUnchanged(a, b, WindowsEvents::absorb, ImpactIndexerAbsorbTest::windows);
    }

    @Test
    void windowsEventsJoinTheLogonTypesOfAnAccountOnlyWhileTheyAreAllNamed() {
        WindowsEvents a = new WindowsEvents();
        WindowsEvents b = new WindowsEvents();
        WindowsEvents c = new WindowsEvents();
        for (String type : List.of("2", "4", "5")) a.observe(logon(T, "alice", type, "a.evtx", Long.parseLong(type)));
        for (String type : List.of("7", "8", "9", "10")) b.observe(logon(T, "alice", type, "b.evtx", Long.parseLong(type)));
        for (String type : List.of("11", "12")) c.observe(logon(T, "alice", type, "c.evtx", Long.parseLong(type)));

        assertThat(a.absorb(b)).as("7 types").isTrue();
        assertThat(a.logons().get(0).types()).hasSize(7);
        assertRefusedUnchanged(a, c, WindowsEvents::absorb, ImpactIndexerAbsorbTest::windows);
    }

    @Test
    void anAccountIsNamedAsItsEarliestLogonWritesItWhicheverPartHoldsIt() {
        WindowsEvents a = new WindowsEvents();
        a.observe(logon(T.plusSeconds(60), "alice", "2", "a.evtx", 1));
        a.observe(logon(T.plusSeconds(90), "alice", "2", "a.evtx", 2));
        WindowsEvents b = new WindowsEvents();
        b.observe(logon(T, "Alice", "10", "b.evtx", 7));   // one logon: its first is its last

        assertThat(a.absorb(b)).isTrue();
        WindowsEvents.Logons alice = a.logons().get(0);
        assertThat(alice.account()).isEqualTo("CONTOSO\\Alice");
        assertThat(List.of(alice.count(), alice.first(), alice.last())).containsExactly(3L, T, T.plusSeconds(90));
    }

    @Test
    void windowsEventsRefusePartsThatNameTheServerOtherwise() {
        WindowsEvents a = new WindowsEvents();
        WindowsEvents b = new WindowsEvents();
        a.observe(logon(T, "alice", "2", "a.evtx", 1));
        b.host("EXCH02.contoso.local");   // the first name a reading meets is kept: which, only the order tells
        b.observe(logon(T, "bob", "2", "b.evtx", 1));
        WindowsEvents unnamed = new WindowsEvents();
        unnamed.observe(new MapRecord("evtx", Map.of("Channel", "Security", "EventID", "4624", "TargetUserName", "carol",
                "TargetDomainName", "CONTOSO", "LogonType", "2"), "", T, SourceRef.record("c.evtx", "1")));

        assertThat(a.absorb(unnamed)).isTrue();
        assertThat(a.host()).isEqualTo("EXCH01");
        assertRefusedUnchanged(a, b, WindowsEvents::absorb, w -> List.of(windows(w), String.valueOf(w.host())));
    }

    /** {@code absorb} refuses the part and leaves the receiver as it was. */
    private static <T> void assertRefusedUnchanged(T receiver, T part, Absorb<T> absorb, Function<T, Object> state) {
        Object before = state.apply(receiver);
        assertThat(absorb.absorb(receiver, part)).as("absorbed").isFalse();
        assertThat(state.apply(receiver)).as("unchanged").isEqualTo(before);
    }

    private interface Absorb<T> {
        boolean absorb(T receiver, T part);
    }

    // ---- what an index keeps, as values that compare ----

    private static List<Object> state(ImpactIndexer x) {
        return List.of(requests(x.requests), cmdlets(x.cmdlets), windows(x.windows), mail(x.mail));
    }

    private static List<Object> requests(RequestLog log) {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<RequestLog.Key, RequestLog.Summary> e : log.from(ALL_CLIENTS)) {
            RequestLog.Summary s = e.getValue();
            List<Long> perLog = new ArrayList<>();
            for (RequestLog.Log l : RequestLog.Log.values()) perLog.add(s.requests(l));
            out.add(List.of(e.getKey(), perLog, s.answered(), s.actions(), span(s)));
        }
        for (RequestLog.Log l : RequestLog.Log.values()) out.add(l + " " + log.seen(l));
        out.add("dropped " + log.dropped());
        return out;
    }

    private static List<Object> cmdlets(CmdletLog log) {
        return List.of(log.runs(), log.dropped(), log.managementRecords());
    }

    private static List<Object> windows(WindowsEvents w) {
        List<Object> logons = new ArrayList<>();
        for (WindowsEvents.Logons l : w.logons()) {
            logons.add(List.of(l.account(), l.count(), List.copyOf(l.types()), span(l), w.privileged(l.account())));
        }
        return List.of(logons, w.events(), w.logonsDropped(), w.eventsDropped(), w.networkLogons(), w.securityRecords(),
                String.valueOf(w.host()), String.valueOf(w.computerAccount()));
    }

    private static List<Object> mail(OutboundMail m) {
        return List.of(m.sent(), m.dropped(), m.records());
    }

    private static List<Object> span(TimeSpan s) {
        return List.of(s.first(), s.firstSource(), s.last(), s.lastSource());
    }

    // ---- records ----

    private static ImpactIndexer indexed(List<Record> records) {
        ImpactIndexer index = new ImpactIndexer();
        records.forEach(index::observe);
        return index;
    }

    /**
     * Records of every kind the index keeps, spread over a few files per log, at a few times only (ties in time, in
     * different files), naming a few clients, mailboxes, accounts (spelt differently by different logs) and actions;
     * within the caps (mail per sender and day among them), which the other tests cross.
     */
    private static List<Record> records(Random random, int n) {
        Map<String, Long> lines = new HashMap<>();
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant t = T.plusSeconds(30L * random.nextInt(20));
            String client = pick(random, CLIENTS);
            String mailbox = pick(random, MAILBOXES);
            String user = "CONTOSO\\" + pick(random, USERS);
            String status = random.nextBoolean() ? "200" : "401";
            switch (random.nextInt(12)) {
                case 0 -> out.add(new MapRecord("iis", Map.of("c-ip", client, "cs-uri-stem", "/owa/service.svc",
                        "cs-uri-query", "action=" + pick(random, ACTIONS), "cs-username", user, "sc-status", status), "", t,
                        line(lines, "u_ex21030" + random.nextInt(3) + ".log")));
                case 1 -> out.add(new MapRecord("exchange-httpproxy", Map.of("ClientIpAddress", client, "Protocol", "Ews",
                        "AnchorMailbox", "Smtp~" + mailbox, "AuthenticatedUser", user, "UrlStem", "/EWS/Exchange.asmx",
                        "HttpStatus", status, "ServerHostName", "EXCH01"), "", t,
                        line(lines, "HttpProxy_2021030" + random.nextInt(3) + ".LOG")));
                case 2 -> out.add(ews(t, client, mailbox, pick(random, ACTIONS),
                        "Ews_2021030" + random.nextInt(3) + ".LOG", lines));
                case 3 -> out.add(new MapRecord("exchange-rps", Map.of("Cmdlet", "New-MailboxExportRequest", "Parameters",
                        "-Mailbox \"" + mailbox + "\" -FilePath \"\\\\127.0.0.1\\c$\\x" + i + ".aspx\"", "AuthenticatedUser", user,
                        "ExecutionResult", "Success"), "", t, line(lines, "Rps_Cmdlet_" + random.nextInt(2) + ".LOG")));
                case 4 -> out.add(new MapRecord("exchange-ecp-server", Map.of("CMD", "Add-MailboxPermission.Identity='"
                        + mailbox + "'.User='" + user + "'"), "", t, line(lines, "ECPServer_" + random.nextInt(2) + ".LOG")));
                case 5 -> out.add(MapRecord.withRepeats("evtx", Map.of("Channel", List.of("MSExchange Management"), "EventID",
                        List.of(random.nextBoolean() ? "1" : "6"), "Computer", List.of("EXCH01.contoso.local"), "Data",
                        List.of("Add-RoleGroupMember", "-Identity \"Organization Management\" -Member \"" + user + "\"", user)),
                        "", t, record(lines, "MSExchange Management.evtx")));
                case 6 -> out.add(logon(t, pick(random, USERS), pick(random, List.of("2", "3", "5", "10", "explicit")),
                        "Security" + random.nextInt(2) + ".evtx", lines));
                case 7 -> out.add(securityEvent(random, t, user, lines));
                case 8 -> out.add(eventOf("System", "7045", t, record(lines, "System.evtx"), "ServiceName",
                        "svc" + random.nextInt(4), "ImagePath", "C:\\ProgramData\\x.exe", "AccountName", "LocalSystem"));
                case 9 -> out.add(eventOf("Microsoft-Windows-TaskScheduler/Operational", "106", t,
                        record(lines, "TaskScheduler.evtx"), "TaskName", "\\Task" + random.nextInt(3), "UserContext", user));
                default -> out.add(new MapRecord("exchange-messagetracking", Map.of("event-id",
                        random.nextInt(4) == 0 ? "RECEIVE" : "SEND", "sender-address", "user" + random.nextInt(40) + "@contoso.com",
                        "recipient-address",
                        "x@evil.example;" + pick(random, MAILBOXES), "message-subject", "s" + i), "", t,
                        line(lines, "MSGTRK2021030" + random.nextInt(3) + "-1.LOG")));
            }
        }
        return out;
    }

    private static Record securityEvent(Random random, Instant t, String user, Map<String, Long> lines) {
        SourceRef at = record(lines, "Security" + random.nextInt(2) + ".evtx");
        String target = pick(random, USERS);
        return switch (random.nextInt(4)) {
            case 0 -> eventOf("Security", "4672", t, at, "SubjectUserName", target, "SubjectDomainName", "CONTOSO");
            case 1 -> eventOf("Security", "4720", t, at, "TargetUserName", "support" + random.nextInt(2), "TargetDomainName",
                    "EXCH01", "TargetSid", "S-1-5-21-1-2-3-100" + random.nextInt(2), "SubjectUserName", "EXCH01$",
                    "SubjectDomainName", "CONTOSO", "SubjectUserSid", "S-1-5-18");
            case 2 -> eventOf("Security", "4732", t, at, "MemberName", "-", "MemberSid", "S-1-5-21-1-2-3-1001",
                    "TargetUserName", "Administrators", "TargetDomainName", "Builtin", "SubjectUserName", user,
                    "SubjectDomainName", "CONTOSO", "SubjectUserSid", "S-1-5-21-1-2-3-500");
            default -> eventOf("Security", "4698", t, at, "TaskName", "\\Health" + random.nextInt(2), "TaskContent",
                    "<Exec><Command>C:\\ProgramData\\h.exe</Command><Arguments>-s</Arguments></Exec>", "SubjectUserName",
                    "EXCH01$", "SubjectDomainName", "CONTOSO", "SubjectUserSid", "S-1-5-18");
        };
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static SourceRef line(Map<String, Long> lines, String file) {
        return SourceRef.line(file, lines.merge(file, 1L, Long::sum));
    }

    private static SourceRef record(Map<String, Long> lines, String file) {
        return SourceRef.record(file, Long.toString(lines.merge(file, 1L, Long::sum)));
    }

    private static Record ews(Instant t, String client, String mailbox, String action, String file, Map<String, Long> lines) {
        return new MapRecord("exchange-ews", Map.of("AuthenticatedUser", "CONTOSO\\svc-ews", "ImpersonatedUser", mailbox,
                "ClientIpAddress", client, "SoapAction", action, "HttpStatus", "200"), "", t, line(lines, file));
    }

    private static Record ews(Instant t, String client, String mailbox, String action, String file, long line) {
        return new MapRecord("exchange-ews", Map.of("ImpersonatedUser", mailbox, "ClientIpAddress", client, "SoapAction",
                action, "HttpStatus", "200"), "", t, SourceRef.line(file, line));
    }

    private static Record rps(Instant t, String file, long line) {
        return new MapRecord("exchange-rps", Map.of("Cmdlet", "New-MailboxExportRequest", "Parameters",
                "-Mailbox \"ceo@contoso.com\"", "AuthenticatedUser", "CONTOSO\\mallory", "ExecutionResult", "Success"), "", t,
                SourceRef.line(file, line));
    }

    private static Record send(Instant t, String sender, String file, long line) {
        return new MapRecord("exchange-messagetracking", Map.of("event-id", "SEND", "sender-address", sender,
                "recipient-address", "x@evil.example", "message-subject", "s"), "", t, SourceRef.line(file, line));
    }

    private static Record logon(Instant t, String user, String type, String file, Map<String, Long> lines) {
        return eventOf("Security", "4624", t, record(lines, file), "TargetUserName", user, "TargetDomainName", "CONTOSO",
                "LogonType", type, "TargetUserSid", "S-1-5-21-1-2-3-" + user.length());
    }

    private static Record logon(Instant t, String user, String type, String file, long record) {
        return eventOf("Security", "4624", t, SourceRef.record(file, Long.toString(record)), "TargetUserName", user,
                "TargetDomainName", "CONTOSO", "LogonType", type);
    }

    private static Record event(String channel, String id, Instant t, String file, long record, String... fields) {
        return eventOf(channel, id, t, SourceRef.record(file, Long.toString(record)), fields);
    }

    private static Record eventOf(String channel, String id, Instant t, SourceRef at, String... fields) {
        Map<String, String> f = new LinkedHashMap<>(Map.of("Channel", channel, "EventID", id, "Computer",
                "EXCH01.contoso.local"));
        for (int i = 0; i < fields.length; i += 2) f.put(fields[i], fields[i + 1]);
        return new MapRecord("evtx", f, "", t, at);
    }
}
