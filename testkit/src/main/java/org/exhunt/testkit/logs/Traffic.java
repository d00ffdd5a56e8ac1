package org.exhunt.testkit.logs;

import java.util.SplittableRandom;

/** The everyday traffic of an Exchange server: users, clients and requests to pick from. */
final class Traffic {

    private Traffic() {}

    static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
        "mallory.admin", "svc-backup", "HealthMailbox7f3c2a1b"};

    static final String[] INTERNAL_IPS = {"10.1.2.30", "10.1.2.31", "10.1.2.47", "10.1.3.12", "10.1.3.200", "10.1.4.8",
        "10.1.4.91", "127.0.0.1", "::1", "fe80::1234:5678:4321:1010%3"};

    static final String[] EXTERNAL_IPS = {"198.51.100.20", "198.51.100.21", "203.0.113.44", "203.0.113.45", "192.0.2.17",
        "192.0.2.130", "100.64.10.5"};

    /** User agents as HttpProxy writes them (commas replaced by spaces) and as IIS writes them ('+' for spaces). */
    static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML  like Gecko) Chrome/89.0.4389.82 Safari/537.36",
        "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.13801; Pro)",
        "Outlook-iOS-Android/1.0",
        "Apple-iPhone12C1/1805.114",
        "MapiHttpClient",
        "Microsoft WinRM Client",
        "AMProbe/Local/ClientAccess",
        "ExchangeServicesClient/15.01.2176.002",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML  like Gecko) Version/14.0.3 Safari/605.1.15",
    };

    static String pick(String[] values, SplittableRandom r) {
        return values[r.nextInt(values.length)];
    }

    /** A client address: mostly internal, sometimes from outside. */
    static String clientIp(SplittableRandom r) {
        return r.nextInt(4) == 0 ? pick(EXTERNAL_IPS, r) : pick(INTERNAL_IPS, r);
    }

    static String iisUserAgent(String agent) {
        return agent.replace(' ', '+');
    }

    /** A random GUID-shaped value. */
    static void guid(LineBuffer b, SplittableRandom r) {
        hex(b, r.nextLong(), 8).ch('-');
        hex(b, r.nextLong(), 4).ch('-');
        hex(b, r.nextLong(), 4).ch('-');
        hex(b, r.nextLong(), 4).ch('-');
        hex(b, r.nextLong(), 12);
    }

    /** A random GUID-shaped value, as a string. */
    static String guid(SplittableRandom r) {
        LineBuffer b = new LineBuffer();
        guid(b, r);
        return new String(b.bytes, 0, b.length, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static LineBuffer hex(LineBuffer b, long v, int digits) {
        for (int i = 0; i < digits; i++) {
            int d = (int) (v >>> (4 * i)) & 0xF;
            b.ch((char) (d < 10 ? '0' + d : 'a' + d - 10));
        }
        return b;
    }

    /** An Exchange request: the protocol folder, the URL stem, the method and what usually comes back. */
    record Request(String protocol, String method, String stem, String query, int status) {}

    static final Request[] REQUESTS = {
        new Request("Owa", "GET", "/owa/", "", 302),
        new Request("Owa", "GET", "/owa/auth/logon.aspx", "url=https%3a%2f%2fmail.contoso.com%2fowa%2f&reason=0", 200),
        new Request("Owa", "POST", "/owa/auth.owa", "", 302),
        new Request("Owa", "POST", "/owa/service.svc", "action=GetItem&EP=1&ID=-42&AC=1", 200),
        new Request("Ews", "POST", "/EWS/Exchange.asmx", "", 200),
        new Request("Mapi", "POST", "/mapi/emsmdb/", "mailboxId=5b2c7e10-9d4a-4c8e-a1f3-0e2d4c6b8a9f@contoso.com", 200),
        new Request("Mapi", "POST", "/mapi/nspi/", "mailboxId=5b2c7e10-9d4a-4c8e-a1f3-0e2d4c6b8a9f@contoso.com", 200),
        new Request("Eas", "POST", "/Microsoft-Server-ActiveSync/default.eas", "Cmd=Sync&User=alice&DeviceId=ABC123&DeviceType=iPhone", 200),
        new Request("Autodiscover", "POST", "/autodiscover/autodiscover.xml", "", 200),
        new Request("Autodiscover", "GET", "/autodiscover/autodiscover.json", "Email=alice%40contoso.com&Protocol=ActiveSync&RedirectCount=1", 200),
        new Request("RpcHttp", "RPC_IN_DATA", "/rpc/rpcproxy.dll", "ex01.contoso.local:6001", 401),
        new Request("Ecp", "GET", "/ecp/", "", 200),
        new Request("Ecp", "POST", "/ecp/DDI/DDIService.svc/GetList", "schema=MailboxService&msExchEcpCanary=xkcd", 200),
        new Request("Oab", "GET", "/OAB/9a1c3e5f-0b2d-4f6a-8c7e-1d3b5f7a9c2e/oab.xml", "", 200),
        new Request("PowerShell", "POST", "/powershell", "serializationLevel=Full;ExchClientVer=15.1.2176.2;clientApplication=ActiveMonitor", 200),
    };

    static Request request(SplittableRandom r) {
        return REQUESTS[r.nextInt(REQUESTS.length)];
    }

    static Request request(String protocol, SplittableRandom r) {
        for (int tries = 0; tries < 64; tries++) {
            Request q = request(r);
            if (q.protocol().equalsIgnoreCase(protocol)) return q;
        }
        for (Request q : REQUESTS) if (q.protocol().equalsIgnoreCase(protocol)) return q;
        return REQUESTS[0];
    }
}
