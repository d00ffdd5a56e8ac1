package org.exhunt.hunt.impact;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.exhunt.core.Limits;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;

/**
 * The cmdlets that export mailboxes or give roles and permissions, as Exchange records them: the MSExchange
 * Management event log (event 1: the cmdlet ran; unnamed Data: cmdlet, parameters, caller), the RPS cmdlet logs
 * ({@code Cmdlet}, {@code Parameters}, {@code AuthenticatedUser}) and the ECP logs ({@code CMD}). At most
 * {@link Limits#IMPACT_EVENTS} are kept; more are counted.
 */
final class CmdletLog implements Serializable {

    /** The cmdlets kept, in lower case. */
    static final Set<String> KEPT = Set.of("new-mailboxexportrequest", "new-compliancesearch", "new-compliancesearchaction",
            "search-mailbox", "new-managementroleassignment", "add-rolegroupmember", "add-mailboxpermission");

    /** One cmdlet run. */
    record Run(String cmdlet, Map<String, String> parameters, String caller, Instant time, SourceRef source)
            implements Serializable {

        String parameter(String name) {
            return Text.kept(parameters.get(name));
        }

        boolean is(String name) {
            return cmdlet.equalsIgnoreCase(name);
        }
    }

    private final List<Run> runs = new ArrayList<>();
    private long dropped;
    private long managementRecords;

    /** An MSExchange Management event: kept when it is a cmdlet that ran (event 1). */
    void management(Record r) {
        synchronized (this) {
            managementRecords++;
        }
        if (!"1".equals(r.field("EventID"))) return;
        List<String> data = r.values("Data");
        if (data.size() < 2) return;
        add(data.get(0), CmdletParameters.parse(data.get(1)), data.size() > 2 ? data.get(2) : null, r);
    }

    void rps(Record r) {
        String cmdlet = r.field("Cmdlet");
        String result = r.field("ExecutionResult");
        if (cmdlet == null || (result != null && !result.equalsIgnoreCase("Success"))) return;
        String parameters = r.field("Parameters");
        add(cmdlet, CmdletParameters.parse(parameters == null ? "" : parameters), r.field("AuthenticatedUser"), r);
    }

    void ecp(Record r) {
        for (String command : r.values("CMD")) {
            Map.Entry<String, Map<String, String>> c = CmdletParameters.ecp(command);
            if (c != null) add(c.getKey(), c.getValue(), null, r);
        }
    }

    private void add(String cmdlet, Map<String, String> parameters, String caller, Record r) {
        String name = Text.kept(cmdlet);
        if (name == null || !KEPT.contains(name.toLowerCase(Locale.ROOT)) || r.time() == null) return;
        Run run = new Run(name, Map.copyOf(parameters), Text.kept(caller), r.time(), r.source());
        synchronized (this) {
            if (runs.size() >= Limits.IMPACT_EVENTS) dropped++;
            else runs.add(run);
        }
    }

    /**
     * Adds the runs another reading of the server's other logs kept, when that gives what reading all the logs here
     * would: the cap not reached, by either or by both together. Returns false, and changes nothing, when it would not.
     */
    synchronized boolean absorb(CmdletLog other) {
        synchronized (other) {
            if (dropped > 0 || other.dropped > 0 || runs.size() + other.runs.size() > Limits.IMPACT_EVENTS) return false;
            runs.addAll(other.runs);
            managementRecords += other.managementRecords;
            return true;
        }
    }

    /** The runs kept, in time order (then by place, so that the order does not depend on threads). */
    synchronized List<Run> runs() {
        List<Run> out = new ArrayList<>(runs);
        out.sort(Comparator.comparing(Run::time).thenComparing(r -> r.source().toString()));
        return out;
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized long managementRecords() {
        return managementRecords;
    }
}
