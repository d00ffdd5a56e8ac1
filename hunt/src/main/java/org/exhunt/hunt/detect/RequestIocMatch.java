package org.exhunt.hunt.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.Record;
import org.exhunt.core.Stage;
import org.exhunt.hunt.ioc.AddressIndicator;
import org.exhunt.hunt.ioc.IocSet;
import org.exhunt.hunt.ioc.UrlIndicator;

/**
 * Indicators on web requests, read from IIS ({@code c-ip}, {@code cs-uri-stem}) and HttpProxy
 * ({@code ClientIpAddress}, {@code UrlStem}) logs: a request from a published attacker address is an exploitation
 * attempt of the chain its list names (context when it names none); a request for a published web-shell URL is
 * post-exploitation, carrying its client so that the shell can be tied to who used the chain's exploit.
 */
public final class RequestIocMatch implements RecordDetector {

    /** The fields of the web logs exhunt reads: type, client field, path field, method, status. */
    private record Fields(String type, String client, String path, String method, String status) {}

    private static final List<Fields> LOGS = List.of(
            new Fields("iis", "c-ip", "cs-uri-stem", "cs-method", "sc-status"),
            new Fields("exchange-httpproxy", "ClientIpAddress", "UrlStem", "Method", "HttpStatus"));

    /**
     * Client addresses whose indicators each scanning thread remembers: a server's logs repeat a few thousand
     * clients millions of times, and parsing each address anew was the hunt's most costly step per web-log record.
     */
    static final int CLIENTS_REMEMBERED = 4_096;

    private final IocSet iocs;
    private final ThreadLocal<Map<String, List<AddressIndicator>>> byClient = ThreadLocal.withInitial(HashMap::new);

    public RequestIocMatch(IocSet iocs) {
        this.iocs = iocs;
    }

    @Override
    public void examine(Record r, Consumer<Finding> findings) {
        if (!iocs.hasRequestIndicators()) return;
        Fields log = fieldsOf(r.type());
        if (log == null) return;
        String client = r.field(log.client());
        String path = r.field(log.path());
        if (client != null) {
            for (AddressIndicator a : addressIndicators(client)) {
                Finding.Builder b = request(r, log, a.source().ruleId())
                        .title("Request from a published attacker address: " + IocFindings.named(a.source()));
                findings.accept(IocFindings.of(b, a.source(), a.source().chain() != null ? Stage.ATTEMPT : Stage.CONTEXT,
                        null).build());
            }
        }
        if (path != null) {
            for (UrlIndicator u : iocs.requested(path)) {
                Finding.Builder b = request(r, log, u.source().ruleId())
                        .title("Request for a published web-shell URL: " + IocFindings.named(u.source()))
                        .tag("attack.t1505.003");
                findings.accept(IocFindings.of(b, u.source(), Stage.POST_EXPLOITATION, null).build());
            }
        }
    }

    private static Fields fieldsOf(String type) {
        for (Fields f : LOGS) {
            if (f.type().equals(type)) return f;
        }
        return null;
    }

    private List<AddressIndicator> addressIndicators(String client) {
        Map<String, List<AddressIndicator>> remembered = byClient.get();
        List<AddressIndicator> found = remembered.get(client);
        if (found == null) {
            if (remembered.size() >= CLIENTS_REMEMBERED) remembered.clear();
            found = iocs.matching(client);
            remembered.put(client, found);
        }
        return found;
    }

    /** A finding about a request, with the request's own field names as evidence. */
    private static Finding.Builder request(Record r, Fields log, String rule) {
        Finding.Builder b = Finding.builder("ioc", rule).source(r.source()).time(r.time());
        for (String field : new String[] {log.client(), log.method(), log.path(), log.status()}) {
            String v = r.field(field);
            if (v != null) b.evidence(field, v);
        }
        return b;
    }
}
