package org.exhunt.report;

import org.exhunt.core.facts.ActiveCheckResult;
import org.exhunt.core.facts.Certificate;
import org.exhunt.core.facts.ProbeFacts;

/** What a probe saw, in words: the target's status, its certificate, the names it disclosed, the active checks. */
final class ProbeWords {

    private ProbeWords() {}

    /** {@code Status: EXCHANGE_BUILD; page title 'Outlook'; Server: Microsoft-IIS/10.0; 3 requests}. */
    static String status(ProbeFacts p) {
        return "Status: " + p.status() + (p.pageTitle().isEmpty() ? "" : "; page title '" + p.pageTitle() + "'")
                + (p.serverHeader().isEmpty() ? "" : "; Server: " + p.serverHeader()) + "; " + p.requests() + " requests";
    }

    static String cuOnly() {
        return "CU known, SU unknown: the server shows its CU but not its security-update level; check it locally"
                + " (exhunt scan, or ExSetup.exe's file version)";
    }

    static String certificate(Certificate c) {
        return "Certificate: " + c.subject() + ", issued by " + (c.selfSigned() ? "itself (self-signed)" : c.issuer())
                + ", valid " + c.notBefore() + " to " + c.notAfter() + (c.expired() ? " (EXPIRED)" : "")
                + (c.names().isEmpty() ? "" : ", names " + String.join(" ", c.names())) + ", " + c.protocol();
    }

    static String internalName(String header, String value) {
        return "Internal name disclosed: " + header + ": " + value;
    }

    static String activeCheck(ActiveCheckResult c) {
        return "Active check " + c.check() + ": " + c.result() + " (" + c.seen() + ")";
    }
}
