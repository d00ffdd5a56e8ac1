package org.exhunt.hunt.impact;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.exhunt.core.Limits;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;

/**
 * What the Windows event logs say of accounts, kept while the logs are read: per account, its logons of the kinds
 * that leave its credentials in LSASS (Security 4624 of every logon type but network, 4648's explicit credentials;
 * 4672 marks an account as privileged), the accounts created and given groups (4720, 4728, 4732, 4756), the
 * scheduled tasks (Security 4698, Task Scheduler 106) and services (System 7045) created, and the server's own names
 * (its host name, its computer account). Bounded: {@link Limits#IMPACT_LOGON_ACCOUNTS} accounts, and
 * {@link Limits#IMPACT_EVENTS} account, task and service events; more are counted.
 *
 * <p>Network logons (type 3) are counted, not kept: they leave no reusable credentials in LSASS (Microsoft,
 * "Administrative tools and logon types"), and every mailbox client makes them all day.
 *
 * <p>What a reading of the server's other logs on another machine kept joins this ({@link #absorb}) while no cap is
 * reached and both name the server alike.
 */
final class WindowsEvents implements Serializable {

    private static final String SECURITY = "Security";
    private static final String SYSTEM = "System";
    private static final String TASK_SCHEDULER = "Microsoft-Windows-TaskScheduler/Operational";
    private static final String SYSTEM_SID = "S-1-5-18";
    /** The logon types kept per account; more are not named. */
    private static final int TYPES_KEPT = 8;

    /** The logons of one account before which LSASS may have held its credentials. */
    static final class Logons extends TimeSpan {
        private String account;   // as the earliest logon writes it: the same account may be written in other cases
        private long count;
        private final Set<String> types = new TreeSet<>();

        Logons(String account) {
            this.account = account;
        }

        String account() { return account; }
        long count() { return count; }
        Set<String> types() { return types; }

        private void add(String account, Instant time, SourceRef source, String type) {
            count++;
            if (types.size() < TYPES_KEPT) types.add(type);
            if (seen(time, source)) this.account = account;
        }

        /** Whether joining another account's logons (null for none) names every type both saw. */
        private boolean joinsExactly(Logons other) {
            return Caps.unionFits(types, other == null ? Set.of() : other.types, TYPES_KEPT);
        }

        private void join(Logons other) {
            count += other.count;
            types.addAll(other.types);
            if (seen(other)) account = other.account;
        }
    }

    /**
     * An account, group, task or service event.
     *
     * @param kind     {@code created}, {@code added-to-group}, {@code scheduled-task} or {@code service}
     * @param name     the account, task or service concerned
     * @param group    the group an account was added to, or null
     * @param command  what a task or service runs, or null
     * @param by       who did it (the event's subject), or the account a service runs as, or null
     * @param bySystem whether it was done as the server's SYSTEM (what a web shell runs as)
     * @param sid      the SID of the account created or added, or null
     */
    record Event(String kind, String name, String group, String command, String by, boolean bySystem, String sid,
                 Instant time, SourceRef source) implements Serializable {}

    private final Map<String, Logons> logons = new HashMap<>();
    private final Set<String> privileged = new HashSet<>();
    private final List<Event> events = new ArrayList<>();
    private long logonsDropped;
    private long eventsDropped;
    private long networkLogons;
    private long securityRecords;
    private volatile String host;
    private String computerAccount;

    void observe(Record r) {
        String channel = r.field("Channel");
        if (channel == null) return;
        host(r.field("Computer"));
        if (channel.equals(SECURITY)) security(r);
        else if (channel.equals(SYSTEM) && "7045".equals(r.field("EventID"))) {
            String account = Text.kept(r.field("AccountName"));
            // who installed it: the event's user (System's UserID), not the account the service runs as
            event(new Event("service", null, null, Text.kept(r.field("ImagePath")), account,
                    SYSTEM_SID.equals(r.field("Security_UserID")), null, r.time(), r.source()), Text.kept(r.field("ServiceName")));
        } else if (channel.equals(TASK_SCHEDULER) && "106".equals(r.field("EventID"))) {
            String by = Text.kept(r.field("UserContext"));
            event(new Event("scheduled-task", null, null, null, by, by != null && Text.systemIdentity(by), null, r.time(),
                    r.source()), Text.kept(r.field("TaskName")));
        }
    }

    private void security(Record r) {
        synchronized (this) {
            securityRecords++;
        }
        String id = r.field("EventID");
        if (id == null || r.time() == null) return;
        boolean bySystem = SYSTEM_SID.equals(r.field("SubjectUserSid"));
        if (bySystem) computerAccount(r.field("SubjectDomainName"), r.field("SubjectUserName"));
        switch (id) {
            case "4624" -> logon(account(r.field("TargetDomainName"), r.field("TargetUserName")), r.field("TargetUserSid"),
                    r.field("LogonType"), r);
            case "4648" -> logon(account(r.field("TargetDomainName"), r.field("TargetUserName")), null, "explicit", r);
            case "4672" -> {
                String account = account(r.field("SubjectDomainName"), r.field("SubjectUserName"));
                if (account != null) {
                    synchronized (this) {
                        if (privileged.size() < Limits.IMPACT_LOGON_ACCOUNTS) privileged.add(Text.key(account));
                    }
                }
            }
            case "4720" -> event(new Event("created", account(r.field("TargetDomainName"), r.field("TargetUserName")), null,
                    null, subject(r), bySystem, Text.kept(r.field("TargetSid")), r.time(), r.source()), null);
            case "4728", "4732", "4756" -> event(new Event("added-to-group", member(r), account(r.field("TargetDomainName"),
                    r.field("TargetUserName")), null, subject(r), bySystem, Text.kept(r.field("MemberSid")), r.time(),
                    r.source()), null);
            case "4698" -> event(new Event("scheduled-task", null, null, taskCommand(r.field("TaskContent")), subject(r),
                    bySystem, null, r.time(), r.source()), Text.kept(r.field("TaskName")));
            default -> { }
        }
    }

    private void logon(String account, String sid, String type, Record r) {
        if (account == null || Text.systemIdentity(account) || (sid != null && Text.systemIdentity(sid))) return;
        String kind = logonType(type);
        synchronized (this) {
            if (kind == null) {
                networkLogons++;
                return;
            }
            Logons l = logons.get(Text.key(account));
            if (l == null) {
                if (logons.size() >= Limits.IMPACT_LOGON_ACCOUNTS) {
                    logonsDropped++;
                    return;
                }
                l = new Logons(account);
                logons.put(Text.key(account), l);
            }
            l.add(account, r.time(), r.source(), kind);
        }
    }

    /**
     * The logon type in words, or null for one that leaves no reusable credentials in LSASS (network, 3) or that is
     * not given: Microsoft's SECURITY_LOGON_TYPE.
     */
    static String logonType(String type) {
        if (type == null) return null;
        return switch (type.strip()) {
            case "2" -> "2 Interactive";
            case "4" -> "4 Batch";
            case "5" -> "5 Service";
            case "7" -> "7 Unlock";
            case "8" -> "8 NetworkCleartext";
            case "9" -> "9 NewCredentials";
            case "10" -> "10 RemoteInteractive";
            case "11" -> "11 CachedInteractive";
            case "12" -> "12 CachedRemoteInteractive";
            case "13" -> "13 CachedUnlock";
            case "explicit" -> "explicit credentials (4648)";
            default -> null;
        };
    }

    private void event(Event e, String name) {
        if (e.time() == null) return;
        Event kept = name == null ? e : new Event(e.kind(), name, e.group(), e.command(), e.by(), e.bySystem(), e.sid(),
                e.time(), e.source());
        if (kept.name() == null) return;
        synchronized (this) {
            if (events.size() >= Limits.IMPACT_EVENTS) eventsDropped++;
            else events.add(kept);
        }
    }

    /**
     * Adds what another reading of the server's other logs kept, when that gives what reading all the logs here would:
     * no cap reached, by either or by both together (accounts, logon types per account, privileged accounts, events),
     * and the same host name and computer account, where both saw one (the first seen is kept: which is first depends
     * on the order of reading when they differ). Returns false, and changes nothing, when it would not.
     */
    synchronized boolean absorb(WindowsEvents other) {
        synchronized (other) {
            if (!agree(host, other.host) || !agree(computerAccount, other.computerAccount)) return false;
            if (logonsDropped > 0 || other.logonsDropped > 0 || eventsDropped > 0 || other.eventsDropped > 0) return false;
            if (events.size() + other.events.size() > Limits.IMPACT_EVENTS) return false;
            if (!Caps.unionFits(privileged, other.privileged, Limits.IMPACT_LOGON_ACCOUNTS)) return false;
            long added = other.logons.keySet().stream().filter(k -> !logons.containsKey(k)).count();
            if (logons.size() + added > Limits.IMPACT_LOGON_ACCOUNTS) return false;
            for (Map.Entry<String, Logons> e : other.logons.entrySet()) {
                if (!e.getValue().joinsExactly(logons.get(e.getKey()))) return false;
            }
            other.logons.forEach((key, l) -> logons.computeIfAbsent(key, k -> new Logons(l.account())).join(l));
            privileged.addAll(other.privileged);
            events.addAll(other.events);
            networkLogons += other.networkLogons;
            securityRecords += other.securityRecords;
            if (host == null) host = other.host;
            if (computerAccount == null) computerAccount = other.computerAccount;
            return true;
        }
    }

    private static boolean agree(String mine, String theirs) {
        return mine == null || theirs == null || mine.equals(theirs);
    }

    /** Takes the server's host name from a record that names it ({@code EXCH01.contoso.local}), once. */
    void host(String computer) {
        if (host != null || computer == null || computer.isBlank()) return;
        synchronized (this) {
            if (host == null) host = hostOf(computer);
        }
    }

    private static String hostOf(String computer) {
        String h = computer.strip();
        int dot = h.indexOf('.');
        return Text.kept((dot > 0 ? h.substring(0, dot) : h).toUpperCase(Locale.ROOT));
    }

    private synchronized void computerAccount(String domain, String user) {
        if (computerAccount != null || user == null || !user.endsWith("$")) return;
        computerAccount = account(domain, user);
    }

    /** {@code CONTOSO\alice}, or the user alone when the domain is not given. */
    static String account(String domain, String user) {
        String u = Text.kept(user);
        if (u == null) return null;
        String d = Text.kept(domain);
        return d == null ? u : d + "\\" + u;
    }

    private static String subject(Record r) {
        return account(r.field("SubjectDomainName"), r.field("SubjectUserName"));
    }

    /**
     * The member a group event names: the account name of its distinguished name ({@code CN=x,...}), else its SID (a
     * local account has no distinguished name; {@link AccountChanges} names it by the account created with that SID).
     */
    private static String member(Record r) {
        String dn = Text.kept(r.field("MemberName"));
        if (dn != null && dn.regionMatches(true, 0, "CN=", 0, 3)) {
            int end = dn.indexOf(',');
            return dn.substring(3, end < 0 ? dn.length() : end);
        }
        return Text.kept(r.field("MemberSid"));
    }

    /** What a task's XML runs: its first {@code <Command>} and {@code <Arguments>}, or null. */
    static String taskCommand(String xml) {
        if (xml == null) return null;
        String command = element(xml, "Command");
        if (command == null) return null;
        String arguments = element(xml, "Arguments");
        return Text.kept(arguments == null ? command : command + " " + arguments);
    }

    private static String element(String xml, String name) {
        int start = xml.indexOf("<" + name + ">");
        if (start < 0) return null;
        start += name.length() + 2;
        int end = xml.indexOf("</" + name + ">", start);
        return end < 0 ? null : xml.substring(start, end).strip();
    }

    synchronized List<Logons> logons() {
        List<Logons> out = new ArrayList<>(logons.values());
        out.sort(Comparator.comparing(Logons::first).thenComparing(Logons::account));
        return out;
    }

    synchronized boolean privileged(String account) {
        return privileged.contains(Text.key(account));
    }

    synchronized List<Event> events() {
        List<Event> out = new ArrayList<>(events);
        out.sort(Comparator.comparing(Event::time).thenComparing(e -> e.source().toString()));
        return out;
    }

    synchronized long logonsDropped() { return logonsDropped; }
    synchronized long eventsDropped() { return eventsDropped; }
    synchronized long networkLogons() { return networkLogons; }
    synchronized long securityRecords() { return securityRecords; }
    /** The server's host name ({@code EXCH01}), from the event logs' {@code Computer}, or null. */
    String host() { return host; }
    /** The server's computer account ({@code CONTOSO\EXCH01$}), as Security events done as SYSTEM name it, or null. */
    synchronized String computerAccount() { return computerAccount; }
}
